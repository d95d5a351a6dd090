package tw.gov.civitas.delivery.cache;

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
import java.util.Map;
import java.util.Set;

/**
 * Stores public GET responses that their resource tagged ({@link CacheTags}) and serves hits that
 * the {@link FastPath} did not (it is the same cache). Only anonymous requests for published
 * content are considered; responses that set cookies are never stored.
 */
public class CachingFilter extends HttpFilter {

  private static final Set<String> REPLAYED = Set.of("content-type", "etag", "cache-control", "last-modified",
      "content-language", "x-content-type-options", "referrer-policy", "content-security-policy");
  /** Entries are counted, not weighed: keep each small enough that 5,000 of them fit the heap. */
  private static final int MAX_BODY = 256 * 1024;

  @Inject DeliveryCache cache;

  static boolean cacheable(boolean get, String path, boolean authorized) {
    return get && !authorized && (path.startsWith("/api/v1/sites") || path.startsWith("/api/v1/content")
        || path.startsWith("/sites/"));
  }

  /** The Host is part of the key: sitemaps, feeds and datasets carry absolute links. */
  static String key(String host, String path, String query) {
    String hostAndPath = (host == null ? "" : host) + path;
    return query == null || query.isEmpty() ? hostAndPath : hostAndPath + "?" + query;
  }

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
      throws IOException, ServletException {
    String path = req.getRequestURI();
    if (!cacheable("GET".equals(req.getMethod()), path, req.getHeader("Authorization") != null)) {
      chain.doFilter(req, resp);
      return;
    }
    String key = key(req.getHeader("Host"), path, req.getQueryString());
    Capture capture = new Capture(resp);
    chain.doFilter(req, capture);
    byte[] body = capture.bytes();
    Set<String> tags = CacheTags.of(req);
    if (tags != null && capture.getStatus() == 200 && capture.getHeader("Set-Cookie") == null && body.length <= MAX_BODY) {
      Map<String, Long> versions = cache.versions(tags);
      String etag = capture.getHeader("ETag");
      if (etag == null) {
        etag = "\"" + tw.gov.civitas.delivery.http.EntityTags.hash(body) + "\"";
        capture.setHeader("ETag", etag);
      }
      List<Map.Entry<String, String>> headers = new ArrayList<>();
      for (String name : capture.getHeaderNames()) {
        if (REPLAYED.contains(name.toLowerCase())) {
          for (String value : capture.getHeaders(name)) {
            headers.add(new AbstractMap.SimpleImmutableEntry<>(name, value));
          }
        }
      }
      cache.put(key, new CachedResponse(body, etag, List.copyOf(headers), Map.copyOf(versions)));
    }
    if (capture.errorSent) {
      return; // the container renders the error page
    }
    if (!resp.isCommitted()) {
      resp.setContentLength(body.length);
    }
    resp.getOutputStream().write(body);
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
        stream = new ServletOutputStream() {
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
