package tw.gov.civitas.editor;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseEvent;
import jakarta.faces.event.PhaseId;
import jakarta.faces.event.PhaseListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.primefaces.context.PrimeFacesContext;

/**
 * Every form post to the editor, right after Faces restored its page and before it applies,
 * validates or invokes anything of it:
 *
 * <ul>
 *   <li>the page's CSP nonce, which PrimeFaces adds to each post and itself compares only when it
 *       renders, after the actions ran (a mismatch: 403 from {@link ForgedFormHandlerFactory});
 *   <li>on a module page, the user is admitted again: a module's view gets no value and no action
 *       from a user who lost the page's permission, or whose site stopped enabling the module,
 *       since the page was shown (the module's services check again too).
 * </ul>
 */
public class EditorPostGuard implements PhaseListener {

  @Override
  public PhaseId getPhaseId() {
    return PhaseId.RESTORE_VIEW;
  }

  @Override
  public void afterPhase(PhaseEvent event) {
    FacesContext faces = event.getFacesContext();
    if (!faces.isPostback() || faces.getViewRoot() == null || faces.getResponseComplete()) {
      return;
    }
    if (faces.getExceptionHandler().getUnhandledExceptionQueuedEvents().iterator().hasNext()) {
      return; // not restored (a forged or expired ViewState): the exception handler answers, with
      // 403
    }
    PrimeFacesContext.getCspState(faces).getNonce(); // throws on a mismatch
    if (ModulePageBean.VIEW_ID.equals(faces.getViewRoot().getViewId())) {
      try {
        CDI.current().select(ModulePageBean.class).get().admitPostback();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
