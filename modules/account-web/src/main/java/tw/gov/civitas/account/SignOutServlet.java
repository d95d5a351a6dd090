package tw.gov.civitas.account;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import tw.gov.civitas.security.SignOut;

/** {@code /account/logout}: the citizen is signed out of every site. */
@WebServlet(urlPatterns = "/logout")
public class SignOutServlet extends HttpServlet {

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp)
      throws IOException, ServletException {
    resp.sendRedirect(SignOut.endSession(req, "civitas-public", "/account/signed-out.html"));
  }
}
