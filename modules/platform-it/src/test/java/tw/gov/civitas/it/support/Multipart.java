package tw.gov.civitas.it.support;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** A multipart/form-data body as a browser's upload form sends it. */
public final class Multipart {

  private final String boundary = "----civitas" + UUID.randomUUID();
  private final ByteArrayOutputStream body = new ByteArrayOutputStream();

  public Multipart file(String name, String fileName, String contentType, byte[] bytes) {
    write(
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\""
            + name
            + "\"; filename=\""
            + fileName
            + "\"\r\nContent-Type: "
            + contentType
            + "\r\n\r\n");
    body.writeBytes(bytes);
    write("\r\n");
    return this;
  }

  public Multipart field(String name, String value) {
    write(
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\""
            + name
            + "\"\r\n"
            + "Content-Type: text/plain; charset=UTF-8\r\n\r\n"
            + value
            + "\r\n");
    return this;
  }

  public HttpResponse<String> post(String path, String... headers) {
    return send("POST", path, headers);
  }

  public HttpResponse<String> put(String path, String... headers) {
    return send("PUT", path, headers);
  }

  private HttpResponse<String> send(String method, String path, String... headers) {
    write("--" + boundary + "--\r\n");
    return Api.send(
        HttpRequest.newBuilder(URI.create(Ports.BASE_URL + path))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .method(method, HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())),
        headers);
  }

  private void write(String s) {
    body.writeBytes(s.getBytes(StandardCharsets.UTF_8));
  }
}
