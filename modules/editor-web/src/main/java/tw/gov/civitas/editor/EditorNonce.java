package tw.gov.civitas.editor;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import org.primefaces.context.PrimeFacesContext;

/**
 * The page's CSP nonce, for a form to carry as {@code primefaces.nonce} (EditorPostGuard compares
 * it on every post). PrimeFaces' script adds it to forms on pages that load PrimeFaces; written
 * into the form on the server ({@code WEB-INF/includes/nonce.xhtml}), a form posts it on every
 * page, with or without script.
 */
@Named("editorNonce")
@RequestScoped
public class EditorNonce {

  public String getValue() {
    return PrimeFacesContext.getCspState(FacesContext.getCurrentInstance()).getNonce();
  }
}
