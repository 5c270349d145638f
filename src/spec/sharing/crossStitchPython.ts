/** The Python twin of `model/crossStitch.ts`: one weight `alpha`, the same starting values. */
export const CROSS_STITCH_PYTHON = `class CrossStitch(layers.Layer):
    """A cross-stitch unit: output t is sum over s of alpha[t, s] * input s."""

    def build(self, input_shape):
        t = len(input_shape)
        start = np.full((t, t), 0.1 / (t - 1), dtype="float32")
        np.fill_diagonal(start, 0.9)
        self.alpha = self.add_weight(name="alpha", shape=(t, t), initializer=lambda shape, dtype=None: start)

    def call(self, xs):
        stacked = keras.ops.stack(xs, axis=0)
        return [keras.ops.tensordot(self.alpha[t], stacked, axes=1) for t in range(len(xs))]

    def compute_output_shape(self, input_shape):
        return list(input_shape)`;
