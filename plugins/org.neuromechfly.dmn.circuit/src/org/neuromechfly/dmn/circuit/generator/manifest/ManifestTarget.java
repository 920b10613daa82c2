package org.neuromechfly.dmn.circuit.generator.manifest;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.xtext.generator.IFileSystemAccess2;
import org.neuromechfly.dmn.circuit.generator.GeneratorTarget;
import org.neuromechfly.dmn.model.CircuitSpec;
import org.neuromechfly.dmn.model.ConnectomeSource;
import org.neuromechfly.dmn.model.json.CircuitJson;

/**
 * {@code <Circuit>.manifest.json}: what the generated files were made from — model hash, connectome
 * sources with their pinned checksums, seed and generator version. No timestamps, so it is
 * reproducible byte for byte.
 */
public class ManifestTarget implements GeneratorTarget {
  /** Bumped when generated output changes for the same model. */
  public static final String GENERATOR_VERSION = "0.1.0";

  @Override
  public void generate(CircuitSpec circuit, String sourceName, IFileSystemAccess2 files) {
    Map<String, Object> manifest = new LinkedHashMap<>();
    manifest.put("circuit", circuit.name());
    manifest.put("source", sourceName);
    manifest.put("modelSha256", sha256(CircuitJson.write(circuit)));
    manifest.put("seed", circuit.training().seed());
    manifest.put("generator", "NeuroMechFly DMN " + GENERATOR_VERSION);
    Map<String, Object> connectomes = new LinkedHashMap<>();
    for (ConnectomeSource source : circuit.connectomes()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("format", source.format().keyword());
      entry.put("path", source.path());
      entry.put("version", source.version());
      entry.put("sha256", source.sha256() == null ? "unpinned" : source.sha256());
      connectomes.put(source.name(), entry);
    }
    if (circuit.connectomes().isEmpty()) {
      connectomes.put("synthetic", Map.of("format", "synthetic", "seed", circuit.training().seed()));
    }
    manifest.put("connectomes", connectomes);
    try {
      files.generateFile(circuit.name() + ".manifest.json", CircuitJson.pretty(manifest));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write manifest of " + circuit.name(), e);
    }
  }

  static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }
}
