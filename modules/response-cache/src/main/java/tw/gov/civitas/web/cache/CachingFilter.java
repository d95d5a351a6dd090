package tw.gov.civitas.web.cache;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tw.gov.civitas.web.http.ContentCodings;
import tw.gov.civitas.web.http.ContentCodings.Coding;

/**
 * Stores public GET responses that their resource tagged ({@link CacheTags}); hits are answered by
 * {@link FastPath} before servlet dispatch. Only anonymous requests are considered; responses that
 * set cookies are never stored. Every response considered here carries the public caching policy
 * ({@link PublicCaching}), an ETag when it is a 200 (answered with 304 when the reader has it), and
 * {@value #CACHE_STATUS}{@code : miss} (a hit says {@code hit}).
 */
public class CachingFilter extends HttpFilter {

  /** Says whether the response cache answered: {@code hit} or {@code miss}. */
  public static final String CACHE_STATUS = "X-Civitas-Cache";

  /**
   * Headers stored and replayed with a hit. Security headers are not among them: {@link FastPath}
   * sets them afresh for each request, as {@code SecurityHeaders} does on a miss; nor is the ETag,
   * which depends on the coding sent.
   */
  private static final Set<String> REPLAYED =
      Set.of(
          "content-type",
          "cache-control",
          "last-modified",
          "content-language",
          "content-disposition");

  /** Entries are counted, not weighed: keep each small enough that 5,000 of them fit the heap. */
  private static final int MAX_BODY = 256 * 1024;

  /**
   * Brotli quality of stored responses: 9 compresses a 30 kB page in about a millisecond, once per
   * change; 11 would cost ten times that on every first request after an invalidation.
   */
  static final int BROTLI_QUALITY = 9;

  @Inject DeliveryCache cache;

  static boolean cacheable(boolean get, String path, boolean authorized) {
    return get
        && !authorized
        && (path.startsWith("/api/v1/sites")
            || path.startsWith("/api/v1/content")
            || path.startsWith("/sites/"));
  }

  /**
   * Scheme and Host are part of the key: sitemaps, feeds and datasets carry absolute links, and the
   * same Host is reached over http and https behind a TLS-terminating proxy. The scheme is the one
   * the request sees (X-Forwarded-Proto only where Undertow is told to trust it), the same one
   * {@code Origins.of} builds the links from.
   */
  static String key(String scheme, String host, String path, String query) {
    String url = scheme + "://" + (host == null ? "" : host) + path;
    return query == null || query.isEmpty() ? url : url + "?" + query;
  }

  /** Whether an If-None-Match header names this entity tag (or any, with {@code *}). */
  static boolean notModified(String ifNoneMatch, String etag) {
    return ifNoneMatch != null && (ifNoneMatch.strip().equals("*") || ifNoneMatch.contains(etag));
  }

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
      throws IOException, ServletException {
    String path = req.getRequestURI();
    if (!cacheable("GET".equals(req.getMethod()), path, req.getHeader("Authorization") != null)) {
      chain.doFilter(req, resp);
      return;
    }
    String key = key(req.getScheme(), req.getHeader("Host"), path, req.getQueryString());
    TagVersions tags = new TagVersions(cache);
    req.setAttribute(CacheTags.ATTRIBUTE, tags);
    Capture capture = new Capture(resp);
    chain.doFilter(req, capture);
    if (capture.errorSent) {
      return; // the container renders the error page
    }
    byte[] body = capture.bytes();
    if (capture.getHeader("Cache-Control") == null) {
      capture.setHeader("Cache-Control", PublicCaching.cacheControl());
    }
    capture.setHeader(CACHE_STATUS, "miss");
    if (capture.getStatus() == 200) {
      String etag = capture.getHeader("ETag");
      if (etag == null) {
        etag = "\"" + tw.gov.civitas.web.http.EntityTags.hash(body) + "\"";
        capture.setHeader("ETag", etag);
      }
      if (!tags.isEmpty() && capture.getHeader("Set-Cookie") == null && body.length <= MAX_BODY) {
        CachedResponse stored = store(body, etag, capture, tags.snapshot());
        cache.put(key, stored);
        send(req, resp, stored);
        return;
      }
      if (notModified(req.getHeader("If-None-Match"), etag)) {
        resp.setStatus(304);
        return;
      }
    }
    if (capture.getStatus() == 304) {
      return; // the resource found the reader's copy current
    }
    if (!resp.isCommitted()) {
      resp.setContentLength(body.length);
    }
    resp.getOutputStream().write(body);
  }

  /** The response as stored: text worth it compressed now, once, for every later reader. */
  static CachedResponse store(
      byte[] body, String etag, HttpServletResponse response, Map<String, Long> tagVersions) {
    byte[] gzip = null;
    byte[] brotli = null;
    if (body.length >= ContentCodings.MIN_SIZE
        && ContentCodings.compressible(response.getContentType())) {
      gzip = ContentCodings.gzip(body);
      brotli = ContentCodings.brotli(body, BROTLI_QUALITY);
    }
    return new CachedResponse(body, etag, replayed(response), tagVersions, gzip, brotli);
  }

  /**
   * A stored response in the coding the reader accepts, with its own entity tag (304 when the
   * reader has that one): the same bytes and headers a later hit gets from {@link FastPath}.
   */
  private static void send(HttpServletRequest req, HttpServletResponse resp, CachedResponse r)
      throws IOException {
    Coding coding = r.coding(req.getHeader("Accept-Encoding"));
    String etag = r.etag(coding);
    resp.setHeader("ETag", etag);
    if (r.compressed()) {
      resp.setHeader("Vary", "Accept-Encoding");
    }
    if (notModified(req.getHeader("If-None-Match"), etag)) {
      resp.setStatus(304);
      return;
    }
    if (coding.token != null) {
      resp.setHeader("Content-Encoding", coding.token);
    }
    byte[] body = r.body(coding);
    resp.setContentLength(body.length);
    resp.getOutputStream().write(body);
  }

  private static List<Map.Entry<String, String>> replayed(HttpServletResponse response) {
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    for (String name : response.getHeaderNames()) {
      if (REPLAYED.contains(name.toLowerCase(Locale.ROOT))) {
        for (String value : response.getHeaders(name)) {
          headers.add(new AbstractMap.SimpleImmutableEntry<>(name, value));
        }
      }
    }
    return List.copyOf(headers);
  }

  /** Holds the body back until the filter decides what to do with it. */
  private static final class Capture extends HttpServletResponseWrapper {
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(4096);
    private ServletOutputStream stream;
    private PrintWriter writer;
    private boolean errorSent;

    Capture(HttpServletResponse response) {
      super(response);
    }

    @Override
    public void sendError(int sc, String msg) throws IOException {
      errorSent = true;
      super.sendError(sc, msg);
    }

    @Override
    public void sendError(int sc) throws IOException {
      errorSent = true;
      super.sendError(sc);
    }

    @Override
    public void sendRedirect(String location) throws IOException {
      errorSent = true;
      super.sendRedirect(location);
    }

    @Override
    public ServletOutputStream getOutputStream() {
      if (stream == null) {
        stream =
            new ServletOutputStream() {
              @Override
              public void write(int b) {
                buffer.write(b);
              }

              @Override
              public void write(byte[] b, int off, int len) {
                buffer.write(b, off, len);
              }

              @Override
              public boolean isReady() {
                return true;
              }

              @Override
              public void setWriteListener(WriteListener listener) {
                throw new UnsupportedOperationException();
              }
            };
      }
      return stream;
    }

    @Override
    public PrintWriter getWriter() {
      if (writer == null) {
        writer = new PrintWriter(new OutputStreamWriter(getOutputStream(), StandardCharsets.UTF_8));
      }
      return writer;
    }

    @Override
    public void setContentLength(int len) {
      // set from the captured body instead
    }

    @Override
    public void setContentLengthLong(long len) {
      // set from the captured body instead
    }

    @Override
    public void flushBuffer() {
      if (writer != null) {
        writer.flush();
      }
    }

    byte[] bytes() {
      if (writer != null) {
        writer.flush();
      }
      return buffer.toByteArray();
    }
  }
}
