"""The benchmark's PyTorch side: the same workloads as the app, trained the same way on the CPU.

Started by `npm run bench` when python3 can import torch. Reads one JSON request a line on
stdin and answers one JSON line on stdout:
  {"workload": "<id>", "spec": <ModelSpec>, "batchSize": 64, "optimizer": "adam",
   "learningRate": 0.001, "targetMs": 1500}
  -> {"msPerStep": 12.3, "threads": 2, "torch": "1.13.0", "blas": "openblas-pthread"}
A model is built once per workload id. Each step draws a batch from a device-resident dataset by
random indices, sums the tasks' losses, steps the optimizer; losses are read back every 16 steps
(as the app reads its losses in chunks), never per step; steps run in chunks of 16 until
`targetMs` has passed. Inputs are random: speed does not depend on the values. Images are NCHW,
PyTorch's native layout. The driver starts it on one thread (OpenBLAS's and OpenMP's), as the
app's wasm backend runs here: OpenBLAS threads that wait for a busy core cost it several times
its speed, so a second thread made the figures jump between rounds.
"""
import json
import warnings
import sys
import time

import torch
from torch import nn

warnings.filterwarnings("ignore", message="Lazy modules")

ACTIVATIONS = {
    "relu": nn.ReLU,
    "tanh": nn.Tanh,
    "sigmoid": nn.Sigmoid,
    "elu": nn.ELU,
    "gelu": nn.GELU,
    "linear": nn.Identity,
}


def layer(spec):
    kind = spec["type"]
    if kind == "dense":
        return [nn.LazyLinear(spec["units"]), ACTIVATIONS[spec["activation"]]()]
    if kind == "conv2d":
        padding = "same" if spec["padding"] == "same" and spec["strides"] == 1 else 0
        conv = nn.LazyConv2d(spec["filters"], spec["kernelSize"], spec["strides"], padding)
        return [conv, ACTIVATIONS[spec["activation"]]()]
    if kind == "maxPool2d":
        return [nn.MaxPool2d(spec["poolSize"], spec["strides"])]
    if kind == "avgPool2d":
        return [nn.AvgPool2d(spec["poolSize"], spec["strides"])]
    if kind == "flatten":
        return [nn.Flatten()]
    if kind == "dropout":
        return [nn.Dropout(spec["rate"])]
    raise ValueError(f"the PyTorch bench has no {kind} layer")


def stack(layers):
    return nn.Sequential(*[part for spec in layers for part in layer(spec)])


class MultiTask(nn.Module):
    def __init__(self, spec):
        super().__init__()
        self.encoder = stack(spec["encoder"])
        self.heads = nn.ModuleList(
            nn.Sequential(stack(t["head"]), nn.LazyLinear(t["outputUnits"])) for t in spec["tasks"]
        )

    def forward(self, x):
        h = self.encoder(x)
        return [head(h) for head in self.heads]


def input_shape(spec):
    i = spec["input"]
    if i["kind"] == "features":
        return [i["size"]]
    if i["kind"] == "image":
        return [i["channels"], i["height"], i["width"]]
    raise ValueError(f"the PyTorch bench has no {i['kind']} input")


def loss_and_target(task, n):
    kind = task["loss"]
    units = task["outputUnits"]
    if kind == "softmaxCrossEntropy":
        return nn.CrossEntropyLoss(), torch.randint(0, units, (n,))
    target = torch.rand(n, units)
    if kind == "sigmoidBinaryCrossEntropy":
        return nn.BCEWithLogitsLoss(), target.round()
    return {"mse": nn.MSELoss, "mae": nn.L1Loss, "huber": nn.HuberLoss}[kind](), target


OPTIMIZERS = {
    "sgd": lambda p, lr: torch.optim.SGD(p, lr),
    "momentum": lambda p, lr: torch.optim.SGD(p, lr, momentum=0.9),
    "adam": lambda p, lr: torch.optim.Adam(p, lr),
    "rmsprop": lambda p, lr: torch.optim.RMSprop(p, lr),
}

SAMPLES = 4096


def blas():
    """The BLAS library torch loaded: Debian's reference BLAS is many times slower than OpenBLAS."""
    try:
        with open("/proc/self/maps") as maps:
            names = {line.split("/")[-1].strip() for line in maps if "blas" in line}
    except OSError:
        return "unknown"
    for lib in sorted(names):
        for kind in ("openblas", "mkl", "blis", "atlas"):
            if kind in lib:
                return lib
    return ", ".join(sorted(names)) or "none found"


class Run:
    def __init__(self, request):
        spec = request["spec"]
        torch.manual_seed(0)
        self.model = MultiTask(spec)
        self.x = torch.randn(SAMPLES, *input_shape(spec))
        pairs = [loss_and_target(t, SAMPLES) for t in spec["tasks"]]
        self.losses = [p[0] for p in pairs]
        self.targets = [p[1] for p in pairs]
        self.batch = request["batchSize"]
        self.model(self.x[: self.batch])  # materializes the lazy layers
        make = OPTIMIZERS[request["optimizer"]]
        self.optimizer = make(self.model.parameters(), request["learningRate"])
        self.train(3)

    def train(self, steps):
        pending = []
        for step in range(1, steps + 1):
            idx = torch.randint(0, SAMPLES, (self.batch,))
            outputs = self.model(self.x[idx])
            losses = torch.stack([f(o, t[idx]) for f, o, t in zip(self.losses, outputs, self.targets)])
            self.optimizer.zero_grad(set_to_none=True)
            losses.sum().backward()
            self.optimizer.step()
            pending.append(losses.detach())
            if step % 16 == 0 or step == steps:
                torch.stack(pending).tolist()
                pending = []


def main():
    runs = {}
    for line in sys.stdin:
        request = json.loads(line)
        try:
            run = runs.get(request["workload"]) or Run(request)
            runs[request["workload"]] = run
            start = time.perf_counter()
            steps = 0
            while steps == 0 or (time.perf_counter() - start) * 1000 < request["targetMs"]:
                run.train(16)
                steps += 16
            ms = (time.perf_counter() - start) * 1000 / steps
            answer = {
                "msPerStep": ms,
                "threads": torch.get_num_threads(),
                "torch": torch.__version__,
                "blas": blas(),
            }
        except Exception as e:  # the driver shows the reason in the table
            answer = {"error": str(e)}
        print(json.dumps(answer), flush=True)


if __name__ == "__main__":
    main()
