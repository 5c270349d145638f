/** The file name `model.json` points its weights manifest at; kept apart so the UI can use it without tf.js. */
export const WEIGHTS_FILE = 'weights.bin';
