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
import tw.gov.civitas.spi.CitizenFormSubmission;
import tw.gov.civitas.spi.FieldDescriptor;
import tw.gov.civitas.spi.FieldKind;
import tw.gov.civitas.spi.FileReference;
import tw.gov.civitas.spi.runtime.FileTooLargeException;
import tw.gov.civitas.spi.runtime.InvalidInputException;
import tw.gov.civitas.spi.runtime.PrivateFiles;

/**
 * One citizen form's submission as one transaction: its uploads stored as the citizen's private
 * files, then the module's handler. Whatever is refused (a file by its rules, the form by its
 * handler) rolls everything back, so a returned form leaves no file behind.
 */
@ApplicationScoped
public class CitizenFormSubmissions {

  /** An upload as the browser sent it: read up to one byte past its field's limit, never more. */
  record Upload(String fileName, byte[] content) {}

  /** What the citizen is shown once the form is received. */
  record Receipt(String text, List<FileReference> files) implements Serializable {}

  /** The form was returned: the message of each field, and whether a file was too large (413). */
  static final class Refused extends RuntimeException {
    final Map<String, String> fieldErrors;
    final boolean tooLarge;

    Refused(Map<String, String> fieldErrors, boolean tooLarge) {
      super("citizen form refused: " + fieldErrors, null, false, false);
      this.fieldErrors = fieldErrors;
      this.tooLarge = tooLarge;
    }
  }

  @Inject PrivateFiles privateFiles;

  @Transactional
  public Receipt submit(
      CitizenFormDescriptor form,
      String siteKey,
      String owner,
      Map<String, String> values,
      Map<String, Upload> uploads) {
    Map<String, String> errors = new LinkedHashMap<>();
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
      throw new Refused(errors, tooLarge); // rolls back the files stored before the refused one
    }
    try {
      String text =
          CDI.current()
              .select(form.handler())
              .get()
              .submit(new CitizenFormSubmission(siteKey, values, files));
      return new Receipt(text, List.copyOf(files.values()));
    } catch (InvalidInputException e) {
      throw new Refused(new LinkedHashMap<>(e.fieldErrors()), e instanceof FileTooLargeException);
    }
  }
}
