/** A table cell that is starred when its row is the best of the column (`among` says of what). */
export function BestCell({ value, best, among }: { value: string; best: boolean; among: string }) {
  return (
    <td className={best ? 'best' : undefined} title={best ? `best of the ${among}` : undefined}>
      {value}
      {best && ' ★'}
    </td>
  );
}
