package tw.gov.civitas.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tw.gov.civitas.spi.CitizenFormDescriptor;
import tw.gov.civitas.spi.CitizenFormHandler;
import tw.gov.civitas.spi.CitizenFormPreparation;
import tw.gov.civitas.spi.CitizenFormRequest;
import tw.gov.civitas.spi.CitizenFormSubmission;
import tw.gov.civitas.spi.FieldDescriptor;
import tw.gov.civitas.spi.FieldKind;
import tw.gov.civitas.spi.FileReference;
import tw.gov.civitas.spi.runtime.FileTooLargeException;
import tw.gov.civitas.spi.runtime.InvalidInputException;
import tw.gov.civitas.spi.runtime.PrivateFiles;

/**
 * One citizen form's submission as one transaction: the form prepared again for the context it
 * carried back (so a choice taken meanwhile is no longer among its options), its fields checked
 * ({@link CitizenFormInput}), its uploads stored as the citizen's private files, then the module's
 * handler. Whatever is refused (a field by its kind, a file by its rules, the form by its handler
 * or its preparation) rolls everything back, so a returned form leaves nothing behind.
 */
@ApplicationScoped
public class CitizenFormSubmissions {

  /** An upload as the browser sent it: read up to one byte past its field's limit, never more. */
  record Upload(String fileName, byte[] content) {}

  /** What the citizen is shown once the form is received. */
  record Receipt(String text, List<FileReference> files) implements Serializable {}

  /**
   * The form was returned: the message of each field, whether a file was too large (413), and the
   * form as prepared for the submission (to show it again with its options).
   */
  static final class Refused extends RuntimeException {
    final Map<String, String> fieldErrors;
    final boolean tooLarge;
    final CitizenFormPreparation preparation;

    Refused(Map<String, String> fieldErrors, boolean tooLarge, CitizenFormPreparation preparation) {
      super("citizen form refused: " + fieldErrors, null, false, false);
      this.fieldErrors = fieldErrors;
      this.tooLarge = tooLarge;
      this.preparation = preparation;
    }
  }

  /** The form cannot be filled for the context it carried back (its preparation's refusal). */
  static final class Unavailable extends RuntimeException {
    final String reason;

    Unavailable(String reason) {
      super("citizen form unavailable: " + reason, null, false, false);
      this.reason = reason;
    }
  }

  @Inject PrivateFiles privateFiles;

  /**
   * What the form shows for one request, from its handler. The context it carries back must not
   * take a field's name (the page would send two values under one name).
   */
  public CitizenFormPreparation prepare(CitizenFormDescriptor form, CitizenFormRequest request) {
    CitizenFormPreparation prepared = handler(form).prepare(request);
    CitizenFormPreparation preparation =
        prepared == null ? CitizenFormPreparation.none() : prepared;
    for (String name : preparation.context().keySet()) {
      if (name.equals("csrf")
          || form.fields().stream().anyMatch(f -> f.name().equals(name))
          || ServiceFormPage.OWN_PARAMETERS.contains(name)) {
        throw new IllegalStateException(
            form.handler().getName()
                + " prepares a context value named like a field or the platform's own: "
                + name);
      }
    }
    return preparation;
  }

  /**
   * @param request the site, the language and the context the form carried back, as parameters
   * @param sent each field's values as the request carried them (files apart)
   * @throws Refused a field, file or the handler refused it: nothing is stored
   * @throws Unavailable the form cannot be filled for this context any more: nothing is stored
   */
  @Transactional
  public Receipt submit(
      CitizenFormDescriptor form,
      CitizenFormRequest request,
      String owner,
      Map<String, List<String>> sent,
      Map<String, Upload> uploads) {
    CitizenFormPreparation preparation = prepare(form, request);
    if (preparation.refusal() != null) {
      throw new Unavailable(preparation.refusal());
    }
    CitizenFormInput.Checked checked = CitizenFormInput.check(form, preparation, sent);
    Map<String, String> errors = new LinkedHashMap<>(checked.errors());
    Map<String, FileReference> files = new LinkedHashMap<>();
    boolean tooLarge = false;
    for (FieldDescriptor field : form.fields()) {
      if (field.kind() != FieldKind.FILE) {
        continue;
      }
      Upload upload = uploads.get(field.name());
      if (upload == null) {
        if (field.required()) {
          errors.put(field.name(), "is required");
        }
        continue;
      }
      try {
        files.put(
            field.name(),
            privateFiles.store(form.moduleId(), owner, field, upload.fileName(), upload.content()));
      } catch (InvalidInputException e) {
        errors.putAll(e.fieldErrors());
        tooLarge |= e instanceof FileTooLargeException;
      }
    }
    if (!errors.isEmpty()) {
      // rolls back the files stored before the refused one, or stored beside a refused field
      throw new Refused(errors, tooLarge, preparation);
    }
    try {
      String text =
          handler(form)
              .submit(new CitizenFormSubmission(request.siteKey(), checked.values(), files));
      return new Receipt(text, List.copyOf(files.values()));
    } catch (InvalidInputException e) {
      throw new Refused(
          new LinkedHashMap<>(e.fieldErrors()), e instanceof FileTooLargeException, preparation);
    }
  }

  private static CitizenFormHandler handler(CitizenFormDescriptor form) {
    return CDI.current().select(form.handler()).get();
  }
}
