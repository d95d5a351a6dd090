package tw.gov.civitas.booking.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.util.Map;
import tw.gov.civitas.spi.EditorPageDescriptor;

/** What the module's editor views share: the admitted site, and messages at their fields. */
final class EditorMessages {

  private EditorMessages() {}

  /** The site the editor admitted the user to: never a value of the request. */
  static String site() {
    return (String)
        FacesContext.getCurrentInstance()
            .getExternalContext()
            .getRequestMap()
            .get(EditorPageDescriptor.SITE_KEY);
  }

  static void info(String message) {
    FacesContext.getCurrentInstance()
        .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, message, null));
  }

  static void error(String message) {
    FacesContext faces = FacesContext.getCurrentInstance();
    faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
    faces.validationFailed();
  }

  /**
   * Each field error next to its input ({@code <form>:<field>}, dots as dashes) when the view has
   * one, else at the top with the field's name.
   */
  static void fields(String form, Map<String, String> errors, Map<String, String> labels) {
    FacesContext faces = FacesContext.getCurrentInstance();
    errors.forEach(
        (field, message) -> {
          String top = field.contains(".") ? field.substring(0, field.indexOf('.')) : field;
          String input = labels.containsKey(field) ? field : top;
          String label = labels.getOrDefault(input, field);
          String id = form + ":" + input.replace('.', '-');
          boolean present = faces.getViewRoot().findComponent(":" + id) != null;
          faces.addMessage(
              present ? id : null,
              new FacesMessage(FacesMessage.SEVERITY_ERROR, label + "：" + message, message));
        });
    faces.validationFailed();
  }
}
