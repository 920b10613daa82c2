package org.neuromechfly.dmn.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuromechfly.dmn.connectome.wiring.DataDirectory;
import org.neuromechfly.dmn.engine.network.Network;
import org.neuromechfly.dmn.engine.network.NetworkOptions;
import org.neuromechfly.dmn.engine.neuron.PositiveParameter;
import org.neuromechfly.dmn.engine.neuron.SurrogateSpike;
import org.neuromechfly.dmn.engine.synapse.EdgeArrays;
import org.neuromechfly.dmn.engine.run.RunFolder;
import org.neuromechfly.dmn.engine.train.CheckpointStore;
import org.neuromechfly.dmn.export.nir.NirFile;
import org.neuromechfly.dmn.export.nir.NirOptions;
import org.neuromechfly.dmn.model.json.CircuitJson;

/** A run folder's trained values reach the export through the engine's own parameter mapping. */
class TrainedRunFolderTest {
  @TempDir Path tmp;

  @Test
  void bestJsonValuesAreDecodedAndExported() throws Exception {
    var spec = TestCircuits.chain();
    var wiring = TestCircuits.wire(spec, tmp);
    var t = spec.training();
    Network net = new Network(spec, wiring.projections().stream().map(EdgeArrays::of).toList(), 1e-3,
        NetworkOptions.training(new SurrogateSpike(t.surrogate(), t.surrogateSlope())));
    Map<String, double[]> values = net.parameters().snapshot();
    // "train": change a raw tau, a threshold and a weight (raw weights may go negative: |raw| is used)
    double rawTau = PositiveParameter.raw(0.025, 1e-3);
    values.get("HID.tau_mem")[0] = rawTau;
    values.get("OUT.threshold")[0] = 0.7;
    String weightKey = "w:IN -> HID";
    values.get(weightKey)[0] = -0.9;
    Path run = tmp.resolve("run");
    Files.createDirectories(run);
    Files.writeString(run.resolve(RunFolder.CIRCUIT), CircuitJson.write(spec));
    new CheckpointStore(RunFolder.existing(run)).writeBest(values);

    CircuitParameters trained = CircuitParameters.trained(run, DataDirectory.of(tmp), CircuitParameters.RunCheckpoint.BEST);
    assertEquals(0.025, trained.population("HID").tauMem()[0], 1e-12);
    assertEquals(0.7, trained.population("OUT").threshold()[0], 0.0);
    assertEquals(0.9, trained.projections().get(0).weights()[0], 1e-12);
    assertEquals(-trained.projections().get(1).weights()[0],
        Math.abs(trained.projections().get(1).weights()[0]), 0.0, "inhibitory recurrence keeps its sign");

    var result = Exports.nir(new CircuitSource.RunFolder(run, DataDirectory.of(tmp), CircuitParameters.RunCheckpoint.BEST),
        tmp.resolve("trained.nir"), NirOptions.defaults());
    var g = NirFile.read(result.file()).graph();
    assertEquals(0.025, g.node("HID").param("tau_mem").values()[0], 1e-12);
    assertEquals(0.7, g.node("OUT").param("v_threshold").values()[0], 0.0);
  }
}
