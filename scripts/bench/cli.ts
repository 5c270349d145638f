/** The benchmarks' command line: `--name=value` flags, `--name` switches, progress on stderr. */

const args = process.argv.slice(2);

/** The value of `--name=value` (it may itself contain '='), or undefined. */
export const flag = (name: string): string | undefined =>
  args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);

/** Whether the switch `--name` was given. */
export const has = (name: string): boolean => args.includes(`--${name}`);

/** The values of `--name=a,b` that are among `all`; all of them when the flag is absent. */
export const list = <T extends string>(name: string, all: readonly T[]): T[] =>
  (flag(name)?.split(',') as T[] | undefined)?.filter((x) => all.includes(x)) ?? [...all];

/** Progress for the person watching; stdout keeps only the results. */
export const log = (line: string): void => void process.stderr.write(`${line}\n`);

/** How this run was started, for the report: `npm run <script> -- <args>`. */
export const commandLine = (script: string): string =>
  `npm run ${script}${args.length ? ` -- ${args.join(' ')}` : ''}`;
