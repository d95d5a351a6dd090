package tw.gov.civitas.site;

import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.extension.Extension;
import io.pebbletemplates.pebble.extension.Function;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tw.gov.civitas.web.http.ContentCodings;
import tw.gov.civitas.web.http.ContentCodings.Coding;
import tw.gov.civitas.web.http.EntityTags;

/**
 * Static files of themes: {@code /themes/<theme>/assets/<file>}, from the themes jar, held in
 * memory with their text compressed once (gzip, brotli). Templates link them through {@code
 * asset('civic.css')}, which names the file with a hash of its content ({@code
 * civic.3f2a9c01b7.css}): such a name never changes meaning, so browsers keep it a year without
 * asking; a hash that is not the file's is a 404. The plain name still works, cached for an hour.
 * {@code /favicon.ico} at the root is the base theme's.
 */
@WebServlet(urlPatterns = {"/themes/*", "/favicon.ico"})
public class ThemeAssets extends HttpServlet {

  private static final Pattern SAFE =
      Pattern.compile("/[a-z0-9-]+/assets/[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*");

  /** {@code name.<hash>.ext}: the hash is the first {@value #HASH_LENGTH} hex of SHA-256. */
  private static final Pattern FINGERPRINTED =
      Pattern.compile("(.+)\\.([0-9a-f]{10})(\\.[A-Za-z0-9]+)");

  static final int HASH_LENGTH = 10;
  static final String IMMUTABLE = "public, max-age=31536000, immutable";
  static final String PLAIN = "public, max-age=3600";

  private static final Map<String, String> TYPES =
      Map.ofEntries(
          Map.entry("css", "text/css;charset=UTF-8"),
          Map.entry("js", "text/javascript;charset=UTF-8"),
          Map.entry("svg", "image/svg+xml"),
          Map.entry("png", "image/png"),
          Map.entry("jpg", "image/jpeg"),
          Map.entry("webp", "image/webp"),
          Map.entry("woff2", "font/woff2"),
          Map.entry("ico", "image/x-icon"));

  /** Assets are few and small: kept for the life of the deployment, found ones only. */
  private static final Map<String, Asset> FILES = new ConcurrentHashMap<>();

  /** One file of a theme as served: its bytes in each coding, and the hash that names it. */
  record Asset(byte[] body, byte[] gzip, byte[] brotli, String type, String hash, String etag) {

    byte[] body(Coding coding) {
      return switch (coding) {
        case BR -> brotli;
        case GZIP -> gzip;
        case IDENTITY -> body;
      };
    }
  }

  /** The file at {@code themes/<theme>/assets/<file>} on the class path, if there is one. */
  static Optional<Asset> asset(String resource) {
    Asset known = FILES.get(resource);
    if (known != null) {
      return Optional.of(known);
    }
    String type = TYPES.get(resource.substring(resource.lastIndexOf('.') + 1));
    if (type == null) {
      return Optional.empty();
    }
    byte[] body;
    try (InputStream in = ThemeAssets.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        return Optional.empty();
      }
      body = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    byte[] gzip = null;
    byte[] brotli = null;
    if (body.length >= ContentCodings.MIN_SIZE && ContentCodings.compressible(type)) {
      gzip = ContentCodings.gzip(body);
      brotli = ContentCodings.brotli(body, 11); // once per deployment: the best there is
    }
    Asset asset =
        new Asset(body, gzip, brotli, type, hash(body), "\"" + EntityTags.hash(body) + "\"");
    FILES.put(resource, asset);
    return Optional.of(asset);
  }

  static String hash(byte[] body) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(body);
      return HexFormat.of().formatHex(d, 0, HASH_LENGTH / 2);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The fingerprinted address of a theme's file, found through the theme's parent chain (its own
   * assets first): {@code /themes/<theme-that-has-it>/assets/civic.<hash>.css}. A file no theme of
   * the chain has keeps its plain name under the theme itself (a 404, as a typo should be).
   */
  public static String url(String theme, String file) {
    for (String name : ThemeRenderer.chain(theme)) {
      Optional<Asset> asset = asset("themes/" + name + "/assets/" + file);
      if (asset.isPresent()) {
        int dot = file.lastIndexOf('.');
        String fingerprinted =
            dot < 0
                ? file + "." + asset.get().hash()
                : file.substring(0, dot) + "." + asset.get().hash() + file.substring(dot);
        return "/themes/" + name + "/assets/" + fingerprinted;
      }
    }
    return "/themes/" + theme + "/assets/" + file;
  }

  /** The Pebble function {@code asset('civic.css')} for the templates of one theme. */
  static Extension pebbleExtension(String theme) {
    Function asset =
        new Function() {
          @Override
          public List<String> getArgumentNames() {
            return List.of("file");
          }

          @Override
          public Object execute(
              Map<String, Object> args,
              PebbleTemplate self,
              EvaluationContext context,
              int lineNumber) {
            return url(theme, String.valueOf(args.get("file")));
          }
        };
    return new AbstractExtension() {
      @Override
      public Map<String, Function> getFunctions() {
        return Map.of("asset", asset);
      }
    };
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    String path =
        "/favicon.ico".equals(req.getServletPath())
            ? "/civic/assets/favicon.ico"
            : req.getPathInfo();
    // Only plain names: no "..", no encoded tricks reach the class loader.
    if (path == null || !SAFE.matcher(path).matches() || path.contains("..")) {
      resp.sendError(404);
      return;
    }
    String cacheControl = PLAIN;
    Optional<Asset> found = asset("themes" + path);
    if (found.isEmpty()) {
      Matcher m = FINGERPRINTED.matcher(path);
      if (m.matches()) {
        found = asset("themes" + m.group(1) + m.group(3));
        if (found.isPresent() && !found.get().hash().equals(m.group(2))) {
          found = Optional.empty(); // another version's name: never these bytes under it
        }
        cacheControl = IMMUTABLE;
      }
    }
    if (found.isEmpty()) {
      resp.sendError(404);
      return;
    }
    Asset asset = found.get();
    Coding coding =
        ContentCodings.choose(
            req.getHeader("Accept-Encoding"), asset.brotli() != null, asset.gzip() != null);
    String etag = coding.etag(asset.etag());
    resp.setHeader("Cache-Control", cacheControl);
    resp.setHeader("ETag", etag);
    if (asset.gzip() != null) {
      resp.setHeader("Vary", "Accept-Encoding");
    }
    String ifNoneMatch = req.getHeader("If-None-Match");
    if (ifNoneMatch != null && (ifNoneMatch.strip().equals("*") || ifNoneMatch.contains(etag))) {
      resp.setStatus(304);
      return;
    }
    resp.setContentType(asset.type());
    if (coding.token != null) {
      resp.setHeader("Content-Encoding", coding.token);
    }
    byte[] body = asset.body(coding);
    resp.setContentLength(body.length);
    resp.getOutputStream().write(body);
  }
}
