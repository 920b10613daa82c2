"""Reads a dmn recording with h5py (an HDF5 reader independent of the one that wrote it) and prints
what the test checks, as JSON: shapes, units, spike counts per population and per unit."""
import json
import sys

import h5py



def text(value):
    """An HDF5 string as Python text: h5py gives variable-length strings as str, fixed-length ones as bytes."""
    return value.decode() if isinstance(value, bytes) else str(value)


path = sys.argv[1]
out = {"populations": {}}
with h5py.File(path, "r") as f:
    out["format"] = text(f.attrs["format"])
    out["dt"] = float(f.attrs["dt"])
    out["steps_per_trial"] = int(f.attrs["steps_per_trial"])
    trials = f["intervals/trials"]
    out["trials"] = int(trials["id"].shape[0])
    out["trial_stop"] = [float(x) for x in trials["stop_time"][:]]
    out["start_x_unit"] = text(trials["start_x"].attrs["unit"])
    pos = f["processing/behavior/position"]
    out["position_shape"] = list(pos["data"].shape)
    out["position_unit"] = text(pos["data"].attrs["unit"])
    out["position_conversion"] = float(pos["data"].attrs["conversion"])
    out["timestamps_unit"] = text(pos["timestamps"].attrs["unit"])
    out["last_timestamp"] = float(pos["timestamps"][-1])
    for name, units in f["units"].items():
        times = units["spike_times"][:]
        index = units["spike_times_index"][:]
        per_unit = [int(index[0])] + [int(index[i] - index[i - 1]) for i in range(1, len(index))]
        out["populations"][name] = {
            "spikes": int(times.shape[0]),
            "spike_count_attr": int(units.attrs["spike_count"]),
            "per_unit": per_unit,
            "units": int(units["id"].shape[0]),
            "connectome_id": [int(x) for x in units["connectome_id"][:]],
            "cell_type": [text(x) for x in units["cell_type"][:]],
            "spike_times_unit": text(units["spike_times"].attrs["unit"]),
            "sorted_within_units": all(
                (times[(index[i - 1] if i else 0):index[i]][1:] >= times[(index[i - 1] if i else 0):index[i]][:-1]).all()
                for i in range(len(index))),
            "max_time": float(times.max()) if times.shape[0] else 0.0,
        }
    if "acquisition/membrane" in f:
        out["membrane"] = {n: list(g["data"].shape) for n, g in f["acquisition/membrane"].items()}
        out["membrane_unit"] = text(f["acquisition/membrane/KC/data"].attrs["unit"])
        out["membrane_rate"] = float(f["acquisition/membrane/KC"].attrs["rate"])
print(json.dumps(out))
