package tw.gov.civitas.editor;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import tw.gov.civitas.security.SignOut;

/** {@code /editor/logout}: signs out of the editor and of every other Civitas site. */
@WebServlet(urlPatterns = "/logout")
public class LogoutServlet extends HttpServlet {

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp)
      throws IOException, ServletException {
    resp.sendRedirect(
        SignOut.endSession(req, "civitas-editor", req.getContextPath() + "/signed-out.html"));
  }
}
