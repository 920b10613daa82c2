"""The example circuit's training step in PyTorch (eager, float32): the identical closed-loop model
that TorchModel.writeDense exports (LIF populations, dense masked projections, odour world with
adapting bilateral antennae, DN rate readout, kinematics with a motor delay, navigation + energy
loss, sensing detached = MOTOR_ONLY), then backward and an Adam step. Driven by the Java harness:

    python3 torch_step.py model.json REPS      ->  prints "STEP <median seconds> LOSS <loss>"
"""
import json
import math
import sys
import time

import torch

torch.set_num_threads(2)


class Spike(torch.autograd.Function):
    slope = 5.0

    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return (x > 0).to(x.dtype)

    @staticmethod
    def backward(ctx, g):
        (x,) = ctx.saved_tensors
        return g / (1.0 + Spike.slope * x.abs()) ** 2


def populations(m):
    """The exported populations, their per-cell beta, theta and bias as trainable float32 tensors."""
    pops = []
    for p in m["populations"]:
        pops.append({
            "n": p["cells"], "graded": p["graded"], "subtract": p["subtract"], "reset": p["reset"],
            "beta": torch.tensor(p["beta"], dtype=torch.float32, requires_grad=True),
            "theta": torch.tensor(p["theta"], dtype=torch.float32, requires_grad=True),
            "bias": torch.tensor(p["bias"], dtype=torch.float32, requires_grad=True),
        })
    return pops


def build(m):
    pops = populations(m)
    prs = []
    for q in m["projections"]:
        w = torch.tensor(q["weights"], dtype=torch.float32).reshape(q["sources"], q["targets"])
        prs.append({
            "src": q["source"], "tgt": q["target"], "delay": q["delay"], "sign": float(q["sign"]),
            "mask": (w != 0).to(torch.float32), "raw": w.abs().clone().requires_grad_(True),
        })
    return pops, prs


def dense_projections(prs):
    """One function per projection: presynaptic output [B, Ns] -> synaptic input [B, Nt] (masked dense)."""
    weights = [pr["sign"] * pr["raw"].abs() * pr["mask"] for pr in prs]
    return [lambda out, w=w: out @ w for w in weights]


def episode(m, pops, prs, projections=dense_projections):
    """One closed-loop episode in the odour world (MOTOR_ONLY) and its loss; `projections` builds the
    synaptic products from the projections' current parameters (called once per episode)."""
    ws = m["world"]
    T, dt, delay = m["steps"], m["dt"], m["delay"]
    B = len(m["startX"])
    sx, sy = m["source"]
    width, height = m["arena"]
    sigma2 = m["sigma"] ** 2
    gain, c0 = ws["ornGain"], ws["halfSaturation"]
    keep_a = math.exp(-dt / ws["adaptationTau"])
    lat, fwd = ws["antennaLateral"], ws["antennaForward"]
    keep_r = math.exp(-dt / ws["rateTau"])
    vmax, floor, kf, wmax, kt = m["vmax"], ws["speedFloor"], ws["forwardGain"], ws["maxTurnRate"], ws["turnGain"]
    f0, f1 = m["forward"]
    t0, t1 = m["turn"]
    half = (t1 - t0 + 1) // 2
    sens, mot = m["sensory"], m["motor"]
    nsens = pops[sens]["n"]

    project = projections(prs)
    x = torch.tensor(m["startX"], dtype=torch.float32)
    y = torch.tensor(m["startY"], dtype=torch.float32)
    h = torch.tensor(m["startH"], dtype=torch.float32)

    def conc(px, py):
        return torch.exp(-((px - sx) ** 2 + (py - sy) ** 2) / (2 * sigma2))

    def antennae(px, py, ph):
        c, s = torch.cos(ph), torch.sin(ph)
        left = torch.log1p(conc(px + fwd * c - lat * s, py + fwd * s + lat * c) / c0)
        right = torch.log1p(conc(px + fwd * c + lat * s, py + fwd * s - lat * c) / c0)
        return left, right

    with torch.no_grad():
        l, r = antennae(x, y, h)
        adapt = (l + r) / 2
    u = [torch.zeros(B, p["n"]) for p in pops]
    out_hist = [[] for _ in pops]
    rate = torch.zeros(B, pops[mot]["n"])
    speeds, turns, xs, ys = [], [], [], []
    for t in range(T):
        inputs = [torch.zeros(B, p["n"]) for p in pops]
        for q, pr in enumerate(prs):
            if t - pr["delay"] >= 0:
                inputs[pr["tgt"]] = inputs[pr["tgt"]] + project[q](out_hist[pr["src"]][t - pr["delay"]])
        with torch.no_grad():  # MOTOR_ONLY: the sensing path is detached
            l, r = antennae(x.detach(), y.detach(), h.detach())
            adapt = keep_a * adapt + (1 - keep_a) * (l + r) / 2
            il, ir = gain * (l - adapt), gain * (r - adapt)
            ext = torch.cat([il.unsqueeze(1).expand(B, nsens // 2), ir.unsqueeze(1).expand(B, nsens - nsens // 2)], 1)
        inputs[sens] = inputs[sens] + ext
        for p, pop in enumerate(pops):
            v = pop["beta"] * u[p] + (1 - pop["beta"]) * (inputs[p] + pop["bias"])
            if pop["graded"]:
                s = torch.relu(v)
                u[p] = v
            else:
                s = Spike.apply(v - pop["theta"])
                u[p] = v - pop["theta"] * s if pop["subtract"] else v * (1 - s) + pop["reset"] * s
            out_hist[p].append(s)
        rate = keep_r * rate + (1 - keep_r) * out_hist[mot][t]
        fdrive = rate[:, f0:f1 + 1].mean(1)
        tdrive = rate[:, t0:t0 + half].mean(1) - rate[:, t1 - half + 1:t1 + 1].mean(1)
        speeds.append(vmax * (floor + (1 - floor) * torch.tanh(kf * fdrive)))
        turns.append(wmax * torch.tanh(kt * tdrive))
        cmd_v = speeds[t - delay] if t >= delay else torch.full((B,), vmax * floor)
        cmd_w = turns[t - delay] if t >= delay else torch.zeros(B)
        h = h + cmd_w * dt
        x = torch.clamp(x + cmd_v * torch.cos(h) * dt, 0, width)
        y = torch.clamp(y + cmd_v * torch.sin(h) * dt, 0, height)
        xs.append(x)
        ys.append(y)
    X, Y = torch.stack(xs, 1), torch.stack(ys, 1)
    d = torch.sqrt((X - sx) ** 2 + (Y - sy) ** 2).clamp_min(1e-12)
    d0 = torch.sqrt((torch.tensor(m["startX"]) - sx) ** 2 + (torch.tensor(m["startY"]) - sy) ** 2).unsqueeze(1)
    scale = max(math.hypot(m["startCentre"][0] - sx, m["startCentre"][1] - sy), 1e-3)
    R = m["goalRadius"]
    inside = torch.sigmoid((R - d) / (R / 4))
    prev = torch.cat([d0, d[:, :-1]], 1)
    away = torch.relu(d - prev) / (vmax * dt)
    nav = (d / scale - ws["goalBonus"] * inside + ws["awayPenalty"] * away).mean() \
        + ws["finalDistance"] * (d[:, -1] / scale).mean()
    loss = m["navigationWeight"] * nav
    if "energyWeight" in m:
        S, W = torch.stack(speeds, 1), torch.stack(turns, 1)
        loss = loss + m["energyWeight"] * ((S / vmax) ** 2 + (W / wmax) ** 2).mean()
    return loss


def main():
    m = json.load(open(sys.argv[1]))
    reps = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    Spike.slope = m["slope"]
    pops, prs = build(m)
    params = [p[k] for p in pops for k in ("beta", "theta", "bias")] + [pr["raw"] for pr in prs]
    opt = torch.optim.Adam(params, lr=0.0)
    times, loss = [], float("nan")
    for _ in range(reps):
        start = time.perf_counter()
        opt.zero_grad()
        value = episode(m, pops, prs)
        value.backward()
        opt.step()
        times.append(time.perf_counter() - start)
        loss = value.item()
    times.sort()
    print("STEP %.4f LOSS %.6f" % (times[len(times) // 2], loss))


if __name__ == "__main__":
    main()
