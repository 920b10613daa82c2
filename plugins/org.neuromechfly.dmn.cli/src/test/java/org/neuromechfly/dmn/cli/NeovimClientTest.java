package org.neuromechfly.dmn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dmn lsp} driven by a real editor: Debian's neovim, headless, with its built-in LSP client set up
 * as the README says ({@code src/test/resources/lsp/neovim-client.lua}). Skipped where neovim is not
 * installed; CI installs it.
 */
class NeovimClientTest {
  private static final String MODEL =
      """
      circuit Mb
      population PN : uPN { count 130 }
      population KC : KC { count 2000 tau_mem 10 mm }
      projection PN -> KC random fan_in 7
      """;

  @TempDir Path dir;

  @Test
  void neovimShowsDiagnosticsHoverDefinitionOutlineAndRenames() throws Exception {
    Path nvim = Path.of("/usr/bin/nvim");
    assumeTrue(Files.isExecutable(nvim), "neovim is not installed (Debian: apt-get install neovim)");
    Path model = dir.resolve("mb.circuit");
    Files.writeString(model, MODEL);
    Path result = dir.resolve("result.json");
    String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    ObjectMapper json = new ObjectMapper();
    List<String> server = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", classPath, Dmn.class.getName(), "lsp");
    int useLine = 3;
    int useColumn = MODEL.split("\n")[useLine].indexOf("KC");
    Map<String, Object> ask = Map.of(
        "hover", List.of(useLine, useColumn),
        "definition", List.of(useLine, useColumn),
        "rename", List.of(useLine, useColumn, "Kenyon"));

    ProcessBuilder editor = new ProcessBuilder(nvim.toString(), "--headless", "-u", "NONE", "-i", "NONE", "-n",
        "-c", "luafile " + Path.of("src/test/resources/lsp/neovim-client.lua").toAbsolutePath())
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("nvim.log").toFile());
    editor.environment().put("DMN_LSP_CMD", json.writeValueAsString(server));
    editor.environment().put("DMN_MODEL", model.toString());
    editor.environment().put("DMN_ASK", json.writeValueAsString(ask));
    editor.environment().put("DMN_RESULT", result.toString());
    Process process = editor.start();
    assertTrue(process.waitFor(180, TimeUnit.SECONDS), "neovim did not finish");
    assertTrue(Files.exists(result), Files.readString(dir.resolve("nvim.log")));
    JsonNode seen = json.readTree(result.toFile());
    assertNull(seen.get("error"), seen.toPrettyString());

    List<String> diagnostics = new ArrayList<>();
    seen.get("diagnostics").forEach(d -> diagnostics.add(d.get("line").asInt() + ": " + d.get("message").asText()));
    assertTrue(diagnostics.stream().anyMatch(d -> d.startsWith("2: ") && d.contains("'mm' is a unit of length")), diagnostics.toString());
    assertTrue(seen.get("hover").asText().startsWith("**population KC** — 2000 × KC"), seen.get("hover").asText());
    assertEquals(2, seen.get("definition_line").asInt());
    List<String> symbols = new ArrayList<>();
    seen.get("symbols").forEach(s -> symbols.add(s.asText()));
    assertEquals(List.of("Mb", "PN", "KC", "PN → KC"), symbols);
    assertEquals(MODEL.strip().replace("population KC", "population Kenyon").replace("-> KC", "-> Kenyon"), seen.get("renamed").asText());
  }
}
