package tw.gov.civitas.editor;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import tw.gov.civitas.core.audit.AuditCsv;
import tw.gov.civitas.core.audit.AuditLog;
import tw.gov.civitas.core.audit.AuditQuery;
import tw.gov.civitas.core.module.CoreModule;
import tw.gov.civitas.core.security.Caller;
import tw.gov.civitas.core.security.SiteAuthorization;
import tw.gov.civitas.security.CallerFactory;

/**
 * {@code /editor/audit.csv?site=…}: a site's audit trail for its administrators; without {@code
 * site}, every site's for platform administrators. UTF-8 with BOM, so spreadsheets read Chinese.
 */
@WebServlet(urlPatterns = "/audit.csv")
public class AuditExportServlet extends HttpServlet {

  @Inject CallerFactory callers;
  @Inject SiteAuthorization authorization;
  @Inject AuditLog audit;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    Caller caller = callers.current().orElse(null);
    String site = Inputs.typed(req.getParameter("site"));
    boolean allowed =
        caller != null
            && (site == null
                ? caller.isPlatformAdmin()
                : site.matches("[a-z0-9-]{1,64}")
                    && authorization.holds(caller, site, CoreModule.SITE_MANAGE));
    if (!allowed) {
      resp.sendError(403);
      return;
    }
    resp.setContentType("text/csv;charset=UTF-8");
    resp.setHeader(
        "Content-Disposition",
        "attachment; filename=\"audit" + (site == null ? "" : "-" + site) + ".csv\"");
    Writer out = new OutputStreamWriter(resp.getOutputStream(), StandardCharsets.UTF_8);
    AuditCsv.write(
        audit.search(
            caller,
            new AuditQuery(
                site,
                Inputs.typed(req.getParameter("actor")),
                Inputs.typed(req.getParameter("action")),
                null,
                null,
                null,
                1,
                100_000)),
        out);
  }
}
