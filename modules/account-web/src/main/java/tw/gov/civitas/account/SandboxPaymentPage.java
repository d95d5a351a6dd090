package tw.gov.civitas.account;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Pattern;
import tw.gov.civitas.core.security.Caller;
import tw.gov.civitas.runtime.payments.RuntimePayments;
import tw.gov.civitas.runtime.payments.SandboxPaymentProvider;
import tw.gov.civitas.security.CallerFactory;
import tw.gov.civitas.spi.runtime.ConflictException;
import tw.gov.civitas.spi.runtime.Payments;

/**
 * {@code /account/payments/sandbox/<id>}: the sandbox payment provider's page, where nothing is
 * charged. Its payer (signed in) sees the amount and what it is for, and decides: paid, or failed,
 * as the aggregator would report. Only where the sandbox is the configured provider; 404 for a
 * payment of anyone else. Plain HTML, no script, a CSRF token in the session, redirect after post.
 */
@WebServlet(urlPatterns = "/payments/sandbox/*")
public class SandboxPaymentPage extends HttpServlet {

  private static final Pattern ID = Pattern.compile("/[0-9a-f-]{36}");

  @Inject RuntimePayments payments;
  @Inject CallerFactory callers;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    Optional<Payments.Payment> p = own(req);
    if (p.isEmpty()) {
      resp.sendError(404);
      return;
    }
    boolean en = "en".equals(req.getParameter("lang"));
    Payments.Payment payment = p.get();
    StringBuilder body = new StringBuilder();
    body.append("<p id=\"sandbox-note\">")
        .append(
            en
                ? "Sandbox: no money is charged. Choose the outcome the payment provider would report."
                : "模擬付款（沙盒）：不會實際扣款，請選擇金流業者回報的結果。")
        .append("</p><dl><dt>")
        .append(en ? "Amount" : "金額")
        .append("</dt><dd id=\"amount\">NT$")
        .append(payment.amount())
        .append("</dd><dt>")
        .append(en ? "Order" : "訂單")
        .append("</dt><dd>")
        .append(AccountPage.escape(payment.order()))
        .append("</dd><dt>")
        .append(en ? "State" : "狀態")
        .append("</dt><dd id=\"state\">")
        .append(state(payment.state(), en))
        .append("</dd></dl>");
    if (payment.state() == Payments.State.PENDING) {
      body.append("<form method=\"post\"><input type=\"hidden\" name=\"csrf\" value=\"")
          .append(ServiceFormPage.token(req))
          .append("\"><button type=\"submit\" id=\"pay\" name=\"outcome\" value=\"paid\">")
          .append(en ? "Pay (sandbox)" : "付款（模擬）")
          .append(
              "</button> <button type=\"submit\" id=\"fail\" name=\"outcome\" value=\"failed\">")
          .append(en ? "Payment fails (sandbox)" : "付款失敗（模擬）")
          .append("</button></form>");
    }
    body.append("<p><a href=\"/sites/")
        .append(AccountPage.escape(payment.siteKey()))
        .append("/\">")
        .append(en ? "Back to the site" : "回到網站")
        .append("</a></p>");
    ServiceFormPage.write(resp, 200, page(en, en ? "Payment" : "付款", body.toString()));
  }

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    Optional<Payments.Payment> p = own(req);
    if (p.isEmpty()) {
      resp.sendError(404);
      return;
    }
    if (!ServiceFormPage.tokenMatches(req, req.getParameter("csrf"))) {
      resp.sendError(403, "The form was not sent from this page");
      return;
    }
    String outcome = req.getParameter("outcome");
    Payments.State state =
        "paid".equals(outcome)
            ? Payments.State.PAID
            : "failed".equals(outcome) ? Payments.State.FAILED : null;
    if (state == null) {
      resp.sendError(400, "The outcome is paid or failed");
      return;
    }
    try {
      payments.settle(p.get().id(), state);
    } catch (ConflictException decidedAlready) {
      // shown as it stands after the redirect
    }
    resp.sendRedirect(req.getContextPath() + req.getServletPath() + req.getPathInfo());
  }

  private Optional<Payments.Payment> own(HttpServletRequest req) {
    if (!SandboxPaymentProvider.ID.equals(RuntimePayments.providerId())
        || req.getPathInfo() == null
        || !ID.matcher(req.getPathInfo()).matches()) {
      return Optional.empty();
    }
    Optional<Caller> caller = callers.current();
    return caller.flatMap(
        c ->
            payments
                .find(req.getPathInfo().substring(1))
                .filter(p -> p.payer().equals(c.username())));
  }

  private static String state(Payments.State s, boolean en) {
    return switch (s) {
      case PENDING -> en ? "Awaiting payment" : "待付款";
      case PAID -> en ? "Paid" : "已付款";
      case FAILED -> en ? "Failed" : "付款失敗";
      case REFUNDED -> en ? "Refunded" : "已退款";
    };
  }

  private static String page(boolean en, String title, String body) {
    return """
        <!DOCTYPE html>
        <html lang="%s"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>%s | Civitas</title>
        <style>button{margin:0 .5rem .5rem 0;padding:.5rem 1rem;min-height:44px}
        a:focus-visible,button:focus-visible{outline:3px solid #b35900}
        a[accesskey]{display:inline-block;min-width:24px;min-height:24px}
        .skip-link{position:absolute;left:-10000px}.skip-link:focus{position:static}</style></head>
        <body><a class="skip-link" href="#C">%s</a>
        <header><a href="#U" id="U" accesskey="U" title="%s">:::</a></header>
        <main><a href="#C" id="C" accesskey="C" title="%s">:::</a>
        <h1>%s</h1>%s</main>
        <footer><a href="#Z" id="Z" accesskey="Z" title="%s">:::</a>
        <p><a href="/account/">%s</a></p></footer></body></html>
        """
        .formatted(
            en ? "en" : "zh-Hant-TW",
            AccountPage.escape(title),
            en ? "Skip to main content" : "跳到主要內容區塊",
            en ? "Upper block" : "上方區塊",
            en ? "Main content" : "中央內容區塊",
            AccountPage.escape(title),
            body,
            en ? "Lower block" : "下方區塊",
            en ? "My account" : "我的帳號");
  }
}
