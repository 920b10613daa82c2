package org.neuromechfly.dmn.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuromechfly.dmn.export.loihi.LoihiOptions;
import org.neuromechfly.dmn.export.nir.NirConvention;
import org.neuromechfly.dmn.export.nir.NirOptions;

/**
 * Reads our files with h5py (an independent HDF5 implementation), the way nir.read and lava-dl's
 * NetDict do. Skipped when no python3 with h5py is installed (Debian: apt-get install python3-h5py).
 */
class IndependentReaderTest {
  @TempDir Path tmp;

  private static final String SCRIPT = """
      import sys, h5py, numpy as np
      nir_path, netx_path = sys.argv[1], sys.argv[2]
      def no_attrs(name, obj):
          assert len(obj.attrs) == 0, f"{name} has attributes {list(obj.attrs)}"
      with h5py.File(nir_path, "r") as f:
          f.visititems(no_attrs)
          v = f["version"][()]
          assert f["version"].shape == (), "version must be scalar"
          assert v.decode().startswith("1.0."), v
          g = f["node"]
          assert g["type"][()] == b"NIRGraph"
          nodes = g["nodes"]
          for name in nodes:
              node = nodes[name]
              t = node["type"][()].decode()
              params = {k: node[k][()] for k in node if k != "type"}
              if t in ("LIF", "CubaLIF", "LI"):
                  lengths = {p.shape for p in params.values()}
                  assert len(lengths) == 1 and len(next(iter(lengths))) == 1, (name, lengths)
                  for k in ("tau", "tau_mem", "tau_syn"):
                      if k in params:
                          assert (params[k] > 0).all() and (params[k] < 1).all(), (name, k, params[k])
              if t in ("Linear", "Affine"):
                  assert params["weight"].ndim == 2
              if t in ("Input", "Output"):
                  assert params["shape"].dtype == np.int64 and params["shape"].ndim == 1
          edges = g["edges"][()]
          assert edges.shape[1] == 2, edges.shape
          names = set(nodes)
          for s, d in edges:
              assert s.decode() in names and d.decode() in names, (s, d)
          w = nodes["IN_to_HID"]["weight"][()]
          assert w.shape == (10, 12), w.shape
          dt = g["metadata"]["dt"][()]
          assert abs(dt - 0.001) < 1e-15, dt
      with h5py.File(netx_path, "r") as f:
          layers = f["layer"]
          assert sorted(layers, key=int) == [str(i) for i in range(len(layers))]
          types = [layers[str(i)]["type"][()].decode("ascii") for i in range(len(layers))]
          assert types == ["input", "dense_rec", "dense"], types
          for i in range(1, len(layers)):
              l = layers[str(i)]
              w = l["weight"][()].astype(int)
              assert w.shape == (int(l["outFeatures"][()]), int(l["inFeatures"][()])), w.shape
              assert w.min() >= -256 and w.max() <= 254
              n = l["neuron"]
              assert n["type"][()].decode("ascii") == "CUBA"
              assert 0 <= int(n["vDecay"][()]) <= 4095 and 1 <= int(n["iDecay"][()]) <= 4096
              assert 0 < int(n["vThMant"][()]) < 2**17
          # the input is a shape only: netx connects Network.inp straight to layer 1's synapses
          assert "neuron" not in layers["0"] and list(layers["0"]["shape"][()]) == [12]
          assert layers["1"]["populations"][()].decode() == "HID"
          assert f["simulation"]["Ts"][()] == 1.0
      print("ok")
      """;

  @Test
  void h5pyReadsOurFiles() throws Exception {
    Path python = Path.of("/usr/bin/python3");
    assumeTrue(Files.isExecutable(python), "no /usr/bin/python3");
    Process probe = new ProcessBuilder(python.toString(), "-c", "import h5py").redirectErrorStream(true).start();
    assumeTrue(probe.waitFor(60, TimeUnit.SECONDS) && probe.exitValue() == 0, "h5py not installed");

    CircuitParameters c = CircuitParameters.initial(TestCircuits.wire(TestCircuits.chain(), tmp));
    Path nir = Exports.nir(CircuitSource.of(c), tmp.resolve("c.nir"), NirOptions.of(NirConvention.SNNTORCH)).file();
    Path net = Exports.loihi(CircuitSource.of(c), tmp.resolve("c.net"), LoihiOptions.defaults().withReportSteps(0)).file();
    Path script = tmp.resolve("check.py");
    Files.writeString(script, SCRIPT);
    Process p = new ProcessBuilder(python.toString(), script.toString(), nir.toString(), net.toString())
        .redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor(120, TimeUnit.SECONDS);
    assertEquals(0, p.exitValue(), output);
    assertEquals("ok", output.strip());
  }
}
