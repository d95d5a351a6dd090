package tw.gov.civitas.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The plug-in author's guide (modules/platform-spi/README.md) shows code copied from the compiled
 * fixture plug-in (Java, and the Facelets of its own editor view): each snippet must still appear,
 * line for line, in the file it names.
 */
class SpiGuideSnippetsTest {

  private static final Path ROOT = Path.of("../..");
  private static final Pattern SNIPPET =
      Pattern.compile("<!-- snippet: (\\S+) -->\\s*```(?:java|xml)\\n(.*?)```", Pattern.DOTALL);

  @Test
  void everySnippetIsInTheCodeItNames() throws IOException {
    String guide = Files.readString(ROOT.resolve("modules/platform-spi/README.md"));
    Matcher m = SNIPPET.matcher(guide);
    List<String> stale = new ArrayList<>();
    int snippets = 0;
    while (m.find()) {
      snippets++;
      Path source = ROOT.resolve(m.group(1));
      if (!Files.isRegularFile(source)) {
        stale.add(m.group(1) + " does not exist");
      } else if (!Files.readString(source).contains(m.group(2))) {
        stale.add("a snippet of " + m.group(1) + " no longer matches it:\n" + m.group(2));
      }
    }
    assertTrue(snippets >= 5, "the guide shows only " + snippets + " snippets");
    assertEquals(List.of(), stale);
  }
}
