/**
 * The Python twin of `model/dselectGate.ts`: the same weights in the same order (so tf.js's saved
 * weights load as they are) and the same gate, renormalized over the codes that exist.
 */
export const DSELECT_GATE_PYTHON = `class DSelectGate(layers.Layer):
    """DSelect-k's gate: k smooth binary selectors over the experts, mixed by softmax weights."""

    def __init__(self, experts, selectors, gamma, **kwargs):
        super().__init__(**kwargs)
        self.experts, self.selectors, self.gamma = experts, selectors, gamma
        self.bits = max(1, int(np.ceil(np.log2(experts))))

    def build(self, input_shape):
        n, codes = input_shape[-1], self.selectors * self.bits
        small = keras.initializers.RandomUniform(-self.gamma / 100, self.gamma / 100)
        mix = keras.initializers.RandomUniform(-0.05, 0.05)
        self.selector_kernel = self.add_weight(name="selector_kernel", shape=(n, codes), initializer=small)
        self.selector_bias = self.add_weight(name="selector_bias", shape=(codes,), initializer=small)
        self.weight_kernel = self.add_weight(name="weight_kernel", shape=(n, self.selectors), initializer=mix)
        self.weight_bias = self.add_weight(name="weight_bias", shape=(self.selectors,), initializer=mix)

    def call(self, x):
        ops = keras.ops
        half = self.gamma / 2
        z = ops.matmul(x, self.selector_kernel) + self.selector_bias
        z = ops.clip(ops.reshape(z, (-1, self.selectors, self.bits)), -half, half)
        s = -2 / self.gamma**3 * z**3 + 3 / (2 * self.gamma) * z + 0.5
        codes = np.array([[(e >> (self.bits - 1 - j)) & 1 for e in range(self.experts)] for j in range(self.bits)], dtype="float32")
        picks = ops.ones_like(s[:, :, :1]) * ops.ones((1, 1, self.experts))
        for j in range(self.bits):
            bit = codes[j][None, None, :]
            picks = picks * (bit * s[:, :, j : j + 1] + (1 - bit) * (1 - s[:, :, j : j + 1]))
        picks = picks / (ops.sum(picks, axis=-1, keepdims=True) + 1e-7)
        mix = ops.softmax(ops.matmul(x, self.weight_kernel) + self.weight_bias)
        return ops.sum(mix[:, :, None] * picks, axis=1)

    def compute_output_shape(self, input_shape):
        return (input_shape[0], self.experts)`;
