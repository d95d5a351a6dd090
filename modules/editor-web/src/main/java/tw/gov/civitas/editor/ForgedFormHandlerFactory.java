package tw.gov.civitas.editor;

import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import org.primefaces.csp.CspException;

/**
 * A form post whose ViewState the server never issued (a forged cross-site post) or no longer holds
 * (an expired page), or whose PrimeFaces CSP nonce is not its page's ({@link EditorPostGuard}
 * compares it before anything of the post is applied), is refused with 403 and a page saying so,
 * not a server error: the ViewState, kept on the server, is the editor's CSRF token.
 */
public class ForgedFormHandlerFactory extends ExceptionHandlerFactory {

  static final String NONCE = "primefaces.nonce";
  private static final java.util.logging.Logger LOG =
      java.util.logging.Logger.getLogger(ForgedFormHandlerFactory.class.getName());

  public ForgedFormHandlerFactory(ExceptionHandlerFactory wrapped) {
    super(wrapped);
  }

  @Override
  public ExceptionHandler getExceptionHandler() {
    return new Handler(getWrapped().getExceptionHandler());
  }

  static final class Handler extends ExceptionHandlerWrapper {
    Handler(ExceptionHandler wrapped) {
      super(wrapped);
    }

    @Override
    public void handle() {
      Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
      while (events.hasNext()) {
        Throwable t = events.next().getContext().getException();
        while (t != null && !(t instanceof ViewExpiredException) && !(t instanceof CspException)) {
          t = t.getCause();
        }
        if (t != null) {
          events.remove();
          FacesContext faces = FacesContext.getCurrentInstance();
          Throwable refused = t;
          // operators see why a post was refused (a forged page, an expired one, a nonce)
          LOG.info(
              () ->
                  "Refused a form post to "
                      + faces.getExternalContext().getRequestServletPath()
                      + ": "
                      + refused.getClass().getSimpleName()
                      + " "
                      + refused.getMessage()
                      + (faces.getExternalContext().getRequestParameterMap().containsKey(NONCE)
                          ? ""
                          : " (the post carries no CSP nonce)"));
          try {
            faces
                .getExternalContext()
                .responseSendError(403, "This form is not one the editor issued, or it expired");
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          faces.responseComplete();
        }
      }
      getWrapped().handle();
    }
  }
}
