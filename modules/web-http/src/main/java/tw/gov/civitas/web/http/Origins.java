package tw.gov.civitas.web.http;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The scheme, host and port a reader used, for absolute links (the response cache keys on the
 * same).
 */
public final class Origins {

  private Origins() {}

  public static String of(HttpServletRequest http) {
    int port = http.getServerPort();
    boolean defaultPort =
        port == 80 && "http".equals(http.getScheme())
            || port == 443 && "https".equals(http.getScheme());
    return http.getScheme() + "://" + http.getServerName() + (defaultPort ? "" : ":" + port);
  }
}
