package tw.gov.civitas.booking.web;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import tw.gov.civitas.booking.service.UsageReport;
import tw.gov.civitas.spi.runtime.PlatformClock;

/** {@code report.xhtml}: each venue's month, and the same as a CSV file. */
@Named("bookingReportBoard")
@ViewScoped
public class ReportBoard implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject UsageReport report;
  @Inject PlatformClock clock;

  private String month = "";
  private List<UsageReport.Line> lines;

  public List<UsageReport.Line> getLines() {
    if (lines == null) {
      lines = report.month(EditorMessages.site(), month());
    }
    return lines;
  }

  public String getShown() {
    return month().toString();
  }

  public void show() {
    lines = null;
    if (!month.isBlank() && parse() == null) {
      FacesContext.getCurrentInstance()
          .addMessage(
              "report:month",
              new jakarta.faces.application.FacesMessage(
                  jakarta.faces.application.FacesMessage.SEVERITY_ERROR,
                  "月份格式為 2026-12 A month is like 2026-12",
                  null));
      FacesContext.getCurrentInstance().validationFailed();
    }
  }

  /** The month as a download (the editor's page is not rendered for this post). */
  public void csv() throws IOException {
    FacesContext faces = FacesContext.getCurrentInstance();
    byte[] body = report.csv(EditorMessages.site(), month()).getBytes(StandardCharsets.UTF_8);
    ExternalContext out = faces.getExternalContext();
    out.responseReset();
    out.setResponseContentType("text/csv;charset=UTF-8");
    out.setResponseHeader(
        "Content-Disposition",
        "attachment; filename=\"venue-usage-" + EditorMessages.site() + "-" + month() + ".csv\"");
    out.setResponseContentLength(body.length);
    out.getResponseOutputStream().write(body);
    faces.responseComplete();
  }

  private YearMonth month() {
    YearMonth m = parse();
    return m == null ? YearMonth.now(clock.clock()) : m;
  }

  private YearMonth parse() {
    try {
      return month == null || month.isBlank() ? null : YearMonth.parse(month.strip());
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  public String getMonth() {
    return month;
  }

  public void setMonth(String month) {
    this.month = month == null ? "" : month;
  }
}
