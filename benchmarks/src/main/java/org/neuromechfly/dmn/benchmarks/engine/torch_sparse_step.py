"""A sparse circuit's training step in PyTorch (eager, float32, 2 threads unless DMN_TORCH_THREADS says
otherwise): the identical closed-loop model that SparseScaleBenchmark (scale-sparse) exports (LIF
populations, projections as edge lists, the odour world of torch_step.py), then backward and an Adam
step. Driven by the Java harness:

    python3 torch_sparse_step.py DIR REPS [check]
        DIR/model.json + DIR/edges-<q>.bin  ->  prints "STEP <median seconds> LOSS <loss>",
                                                 writes DIR/grad-weights.bin (d loss / d signed weight)
    python3 torch_sparse_step.py DIR serve [check]
        the same, one step per "step" line on stdin; "grads" writes the gradients of the last step,
        "rss" prints the process's peak resident set

Each projection is a torch CSR matrix W[target, source]. The forward product is a CSR mm; its
backward is written out (SparseProjection) because autograd's own backward of a sparse mm builds the
dense [targets x sources] gradient and masks it (2.2 s for one step of a 10,000 x 4,000 projection
here), and autograd through index_select/index_add keeps a [B x edges] product per step (by count
9.6 GB for 1.5 M edges at B=16, T=100).
`check` first compares SparseProjection's gradients with plain autograd through index_add (float64).
"""
import json
import os
import sys
import time
import warnings

import numpy as np
import torch

sys.dont_write_bytecode = True  # no __pycache__ beside the sources
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import torch_step
from torch_step import Spike  # the same surrogate spike as the dense reference

warnings.filterwarnings("ignore", message="Sparse CSR tensor support is in beta state")
# 2 threads as the dense reference; DMN_TORCH_THREADS=1 shows what thread waits cost on a busy machine
torch.set_num_threads(int(os.environ.get("DMN_TORCH_THREADS", "2")))


class Edges:
    """One projection's structure: CSR by target for the forward product, CSR by source for the
    transposed one, and the permutation between the two edge orders."""

    def __init__(self, src, tgt, sources, targets):
        self.src, self.tgt = src, tgt
        self.sources, self.targets = sources, targets
        self.crow = torch.zeros(targets + 1, dtype=torch.int64)
        self.crow[1:] = torch.bincount(tgt, minlength=targets).cumsum(0)
        self.by_source = torch.argsort(src * targets + tgt)  # edges arrive sorted by (target, source)
        self.ccol = torch.zeros(sources + 1, dtype=torch.int64)
        self.ccol[1:] = torch.bincount(src, minlength=sources).cumsum(0)
        self.tgt_by_source = tgt[self.by_source].contiguous()

    def matrices(self, w):
        """W [targets x sources] and its transpose for this episode's weights (no autograd)."""
        w = w.detach()
        fwd = torch.sparse_csr_tensor(self.crow, self.src, w, (self.targets, self.sources))
        bwd = torch.sparse_csr_tensor(self.ccol, self.tgt_by_source, w[self.by_source].contiguous(),
                                      (self.sources, self.targets))
        return fwd, bwd


class SparseProjection(torch.autograd.Function):
    """y[B, targets] = x[B, sources] W^T on the edges only; backward: W^T product for x, one product
    per edge (summed over the batch) for the weights."""

    @staticmethod
    def forward(ctx, x, w, edges, fwd, bwd):
        ctx.save_for_backward(x)
        ctx.edges, ctx.bwd = edges, bwd
        return torch.mm(fwd, x.t().contiguous()).t().contiguous()

    @staticmethod
    def backward(ctx, gy):
        (x,) = ctx.saved_tensors
        e = ctx.edges
        gy = gy.contiguous()  # strided gathers and sums take several times longer
        gx = torch.mm(ctx.bwd, gy.t().contiguous()).t().contiguous() if ctx.needs_input_grad[0] else None
        gw = gy.index_select(1, e.tgt).mul_(x.index_select(1, e.src))
        gw = gw[0] if gw.shape[0] == 1 else gw.sum(0)  # no reduction pass for a batch of one
        return gx, gw, None, None, None


def load(directory):
    m = json.load(open(os.path.join(directory, "model.json")))
    pops = torch_step.populations(m)
    prs = []
    for q, pr in enumerate(m["projections"]):
        raw = np.fromfile(os.path.join(directory, "edges-%d.bin" % q), dtype=np.uint8)
        count = pr["edges"]
        src = torch.from_numpy(raw[:4 * count].view("<i4").astype(np.int64))
        tgt = torch.from_numpy(raw[4 * count:8 * count].view("<i4").astype(np.int64))
        w = torch.from_numpy(raw[8 * count:].view("<f8").astype(np.float32))
        prs.append({
            "src": pr["source"], "tgt": pr["target"], "delay": pr["delay"], "sign": float(pr["sign"]),
            "edges": Edges(src, tgt, pr["sources"], pr["targets"]),
            "raw": w.abs().clone().requires_grad_(True),
        })
    return m, pops, prs


def sparse_projections(prs):
    """torch_step.dense_projections with the products done by SparseProjection on the edge lists."""
    weights = [pr["sign"] * pr["raw"].abs() for pr in prs]
    mats = [pr["edges"].matrices(w) for pr, w in zip(prs, weights)]
    return [lambda out, w=w, pr=pr, mt=mt: SparseProjection.apply(out, w, pr["edges"], *mt)
            for w, pr, mt in zip(weights, prs, mats)]


def episode(m, pops, prs):
    """torch_step.episode, the same world and neurons, with sparse synaptic products."""
    return torch_step.episode(m, pops, prs, sparse_projections)


def check_projection():
    """SparseProjection against autograd through index_select/index_add, float64, random spikes."""
    g = torch.Generator().manual_seed(7)
    sources, targets, fan, batch = 300, 500, 12, 3
    src = torch.cat([torch.randperm(sources, generator=g)[:fan].sort().values for _ in range(targets)])
    tgt = torch.arange(targets).repeat_interleave(fan)
    edges = Edges(src, tgt, sources, targets)
    w = torch.rand(src.numel(), generator=g, dtype=torch.float64, requires_grad=True)
    x = (torch.rand(batch, sources, generator=g, dtype=torch.float64) < 0.2).to(torch.float64).requires_grad_(True)
    probe = torch.randn(batch, targets, generator=g, dtype=torch.float64)
    (SparseProjection.apply(x, w, edges, *edges.matrices(w)) * probe).sum().backward()
    gx, gw = x.grad.clone(), w.grad.clone()
    x.grad, w.grad = None, None
    plain = torch.zeros(batch, targets, dtype=torch.float64).index_add(1, tgt, x.index_select(1, src) * w)
    (plain * probe).sum().backward()
    worst = max(float((gx - x.grad).norm() / x.grad.norm()), float((gw - w.grad).norm() / w.grad.norm()))
    print("projection check (float64): worst relative gradient difference %.2e" % worst)


def peak_rss_kb():
    """VmHWM of this process: unlike getrusage's ru_maxrss, which keeps the peak of the process that
    spawned this one (the JVM) across exec, it starts afresh with this program."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return -1


def main():
    directory, mode = sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else "1"
    if "check" in sys.argv[3:]:
        check_projection()
    m, pops, prs = load(directory)
    Spike.slope = m["slope"]
    params = [p[k] for p in pops for k in ("beta", "theta", "bias")] + [pr["raw"] for pr in prs]
    opt = torch.optim.Adam(params, lr=0.0)

    def step():
        start = time.perf_counter()
        opt.zero_grad()
        value = episode(m, pops, prs)
        value.backward()
        opt.step()
        return time.perf_counter() - start, value.item()

    def write_gradients():
        # d loss / d signed weight (raw > 0, so d|raw|/d raw = 1), in the exported edge order
        grads = np.concatenate([(pr["sign"] * pr["raw"].grad).numpy().astype("<f8") for pr in prs])
        grads.tofile(os.path.join(directory, "grad-weights.bin"))

    if mode == "serve":  # one step per "step" line, so the harness can alternate with a warm process
        print("READY", flush=True)
        for line in sys.stdin:
            command = line.strip()
            if command == "step":
                seconds, loss = step()
                print("STEP %.4f LOSS %.6f" % (seconds, loss), flush=True)
            elif command == "grads":
                write_gradients()
                print("GRADS", flush=True)
            elif command == "rss":
                print("RSS PEAK_KB %d" % peak_rss_kb(), flush=True)
            else:
                break
        return
    times, loss = [], float("nan")
    for _ in range(int(mode)):
        seconds, loss = step()
        times.append(seconds)
    write_gradients()
    times.sort()
    print("STEP %.4f LOSS %.6f" % (times[len(times) // 2], loss))


if __name__ == "__main__":
    main()
