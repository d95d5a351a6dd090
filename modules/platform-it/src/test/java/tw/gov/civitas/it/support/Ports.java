package tw.gov.civitas.it.support;

/** The test ports, set in platform-it's pom.xml. */
public final class Ports {
  public static final int HTTP = Integer.getInteger("it.http-port", 8380);
  public static final int MANAGEMENT = Integer.getInteger("it.management-port", 10290);
  public static final int KEYCLOAK = Integer.getInteger("it.keycloak-port", 8480);
  public static final int DB = Integer.getInteger("it.db-port", 54339);
  public static final int SMTP = Integer.getInteger("it.smtp-port", 3325);

  public static final String BASE_URL = "http://localhost:" + HTTP;

  private Ports() {}
}
