/**
 * The Python twin of `model/selfAttention.ts`: the same weights created in the same order (so
 * tf.js's saved weights load as they are) and the same computation:
 * y = LayerNorm(x + (softmax(QKᵀ/√k) V) W_o), with ε = 1e-5.
 */
export const SELF_ATTENTION_PYTHON = `class SelfAttention(layers.Layer):
    """Multi-head self-attention with residual and layer norm, as MTL Playground computes it."""

    def __init__(self, heads, key_dim, **kwargs):
        super().__init__(**kwargs)
        self.heads, self.key_dim = heads, key_dim

    def build(self, input_shape):
        d, hk = input_shape[-1], self.heads * self.key_dim
        for p in ("query", "key", "value"):
            setattr(self, p + "_kernel", self.add_weight(name=p + "_kernel", shape=(d, hk), initializer="glorot_uniform"))
            setattr(self, p + "_bias", self.add_weight(name=p + "_bias", shape=(hk,), initializer="zeros"))
        self.output_kernel = self.add_weight(name="output_kernel", shape=(hk, d), initializer="glorot_uniform")
        self.output_bias = self.add_weight(name="output_bias", shape=(d,), initializer="zeros")
        self.gamma = self.add_weight(name="gamma", shape=(d,), initializer="ones")
        self.beta = self.add_weight(name="beta", shape=(d,), initializer="zeros")

    def call(self, x):
        from tensorflow import keras as k
        ops = k.ops
        steps = ops.shape(x)[1]

        def project(p):
            y = ops.matmul(x, getattr(self, p + "_kernel")) + getattr(self, p + "_bias")
            y = ops.reshape(y, (-1, steps, self.heads, self.key_dim))
            return ops.transpose(y, (0, 2, 1, 3))

        q, key, v = project("query"), project("key"), project("value")
        scores = ops.matmul(q, ops.transpose(key, (0, 1, 3, 2))) / (self.key_dim ** 0.5)
        context = ops.matmul(ops.softmax(scores, axis=-1), v)
        merged = ops.reshape(ops.transpose(context, (0, 2, 1, 3)), (-1, steps, self.heads * self.key_dim))
        residual = x + ops.matmul(merged, self.output_kernel) + self.output_bias
        mean = ops.mean(residual, axis=-1, keepdims=True)
        variance = ops.var(residual, axis=-1, keepdims=True)
        return (residual - mean) / ops.sqrt(variance + 1e-5) * self.gamma + self.beta

    def get_config(self):
        return {**super().get_config(), "heads": self.heads, "key_dim": self.key_dim}`;
