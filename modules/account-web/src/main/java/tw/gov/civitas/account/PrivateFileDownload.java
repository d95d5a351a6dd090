package tw.gov.civitas.account;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tw.gov.civitas.core.media.MediaService;
import tw.gov.civitas.core.security.Caller;
import tw.gov.civitas.security.CallerFactory;
import tw.gov.civitas.spi.FileReference;
import tw.gov.civitas.spi.runtime.PrivateFiles;
import tw.gov.civitas.spi.runtime.PrivateFiles.StoredFile;

/**
 * {@code /account/files/<module>/<id>}: a citizen's own private file (an upload of a citizen form),
 * for its owner only: anyone else signed in gets 404, as for a file that does not exist; anonymous
 * callers are sent to the login by the account's security constraint. Always a download
 * (attachment, the stored type, nosniff, a sandbox): never rendered as a page of this origin, never
 * cached.
 */
@WebServlet(urlPatterns = "/files/*")
public class PrivateFileDownload extends HttpServlet {

  private static final Pattern PATH = Pattern.compile("/([a-z][a-z0-9-]{0,63})/([0-9a-f]{32})");

  @Inject CallerFactory callers;
  @Inject PrivateFiles files;

  /** Where the owner downloads one of their files. */
  static String href(String moduleId, String id) {
    return "/account/files/" + moduleId + "/" + id;
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    Matcher m = req.getPathInfo() == null ? null : PATH.matcher(req.getPathInfo());
    Optional<Caller> caller = callers.current();
    Optional<StoredFile> file =
        m == null || !m.matches() || caller.isEmpty()
            ? Optional.empty()
            : files
                .read(m.group(1), m.group(2))
                .filter(f -> f.owner().equals(caller.get().username()));
    if (file.isEmpty()) {
      resp.sendError(404);
      return;
    }
    StoredFile f = file.get();
    resp.setContentType(f.mediaType());
    resp.setHeader("Content-Disposition", disposition(f.fileName()));
    resp.setHeader("X-Content-Type-Options", "nosniff");
    resp.setHeader("Cache-Control", "private, no-store");
    resp.setHeader(
        "Content-Security-Policy", "default-src 'none'; sandbox; frame-ancestors 'none'");
    resp.setContentLength(f.content().length);
    resp.getOutputStream().write(f.content());
  }

  /** A list item linking to one of the citizen's files: its name, type and size. */
  static String item(String moduleId, FileReference file) {
    long size = file.size();
    return "<li><a href=\""
        + href(moduleId, file.id())
        + "\">"
        + AccountPage.escape(file.fileName())
        + "</a> ("
        + typeName(file.mediaType())
        + ", "
        + (size < 1024 ? size + " B" : (size + 1023) / 1024 + " KB")
        + ")</li>";
  }

  /** "PDF", "JPEG", "PNG": a media type as citizens know it. */
  static String typeName(String mediaType) {
    String extension = MediaService.extension(mediaType);
    return extension == null
        ? mediaType
        : "jpg".equals(extension) ? "JPEG" : extension.toUpperCase(Locale.ROOT);
  }

  /** RFC 6266: an ASCII name for old clients, the real one (UTF-8) for the rest. */
  static String disposition(String fileName) {
    String ascii = fileName.replaceAll("[^\\x20-\\x7e]", "_").replace("\"", "_").replace("\\", "_");
    return "attachment; filename=\""
        + ascii
        + "\"; filename*=UTF-8''"
        + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
