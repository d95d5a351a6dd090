package tw.gov.civitas.editor;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tw.gov.civitas.core.error.ConflictException;
import tw.gov.civitas.core.error.ContentValidationException;
import tw.gov.civitas.core.media.MediaService;
import tw.gov.civitas.core.media.MediaUpload;
import tw.gov.civitas.core.media.MediaView;
import tw.gov.civitas.core.media.PayloadTooLargeException;
import tw.gov.civitas.core.media.UnsupportedContentException;
import tw.gov.civitas.core.module.CoreModule;
import tw.gov.civitas.security.CallerFactory;

/**
 * A site's media library: upload files (several at once; images need their alt text, checked by the
 * service, which recognizes each file by its content), see them with their renditions, and delete
 * one that no published item uses.
 */
@Named("mediaLibrary")
@ViewScoped
public class MediaLibraryBean implements Serializable {

  private static final long serialVersionUID = 1L;

  /** A file of the library (EL reads getters). */
  public record Row(
      String id,
      String fileName,
      String kind,
      String alt,
      String size,
      String thumbnail,
      String original,
      String renditions,
      List<UsedBy> usedBy)
      implements Serializable {
    public String getId() {
      return id;
    }

    public String getFileName() {
      return fileName;
    }

    public String getKind() {
      return kind;
    }

    public String getAlt() {
      return alt;
    }

    public String getSize() {
      return size;
    }

    public String getThumbnail() {
      return thumbnail;
    }

    public String getOriginal() {
      return original;
    }

    public String getRenditions() {
      return renditions;
    }

    public List<UsedBy> getUsedBy() {
      return usedBy;
    }

    public boolean isUsed() {
      return !usedBy.isEmpty();
    }
  }

  /** An item that names a file, linked to its editor. */
  public record UsedBy(String slug, String href) implements Serializable {
    public String getSlug() {
      return slug;
    }

    public String getHref() {
      return href;
    }
  }

  @Inject transient CallerFactory callers;
  @Inject transient SiteAdmission admission;
  @Inject transient MediaService media;
  @Inject transient EditorLanguage lang;

  private String site;
  private String siteName;
  private transient List<Part> files;
  private transient Part replacement;
  private String replaced;
  private String altZh;
  private String altEn;
  private List<Row> rows = List.of();
  private final List<String> results = new ArrayList<>();
  private String altError;

  public void load() throws IOException {
    FacesContext faces = FacesContext.getCurrentInstance();
    if (faces.isPostback()) {
      return;
    }
    var found = admission.admit(site, CoreModule.CONTENT_EDIT).orElse(null);
    if (found == null) {
      return;
    }
    siteName = lang.pick(found.getNameZh(), found.getNameEn());
    read();
  }

  private void read() {
    var caller = callers.current().orElseThrow();
    List<MediaView> files = media.list(caller, site, 200);
    Map<String, List<String>> usage =
        media.usage(caller, site, files.stream().map(MediaView::id).toList());
    rows = files.stream().map(m -> row(m, usage.getOrDefault(m.id(), List.of()))).toList();
  }

  private Row row(MediaView m, List<String> usedBy) {
    boolean thumb = m.renditions() != null && m.renditions().containsKey("thumbnail");
    String alt = lang.pick(m.altZh(), m.altEn());
    return new Row(
        m.id(),
        m.fileName(),
        m.kind(),
        alt == null ? "" : alt,
        m.size() >= 1024 * 1024
            ? String.format("%.1f MB", m.size() / (1024.0 * 1024))
            : String.format("%d KB", Math.max(1, m.size() / 1024)),
        "image".equals(m.kind()) ? m.url(thumb ? "thumbnail" : "original") : null,
        m.url("original"),
        renditions(m),
        usedBy.stream()
            .map(slug -> new UsedBy(slug, "item.xhtml?site=" + site + "&slug=" + slug))
            .toList());
  }

  /** The image's sizes: the original's and each rendition's, in pixels. */
  private static String renditions(MediaView m) {
    if (m.width() == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(m.width() + "×" + m.height());
    if (m.renditions() != null) {
      m.renditions()
          .forEach(
              (name, r) -> {
                var o = r.asJsonObject();
                b.append(", ")
                    .append(name)
                    .append(' ')
                    .append(o.getInt("width"))
                    .append('×')
                    .append(o.getInt("height"));
              });
    }
    return b.toString();
  }

  /** Uploads every chosen file with the alt text given; each file's result is listed. */
  public void upload() {
    results.clear();
    altError = null;
    if (files == null || files.isEmpty() || files.stream().allMatch(p -> p.getSize() == 0)) {
      results.add(lang.text("media.none"));
      return;
    }
    var caller = callers.current().orElseThrow();
    for (Part p : files) {
      if (p.getSize() == 0) {
        continue;
      }
      String name = p.getSubmittedFileName();
      try (InputStream in = p.getInputStream()) {
        if (p.getSize() > MediaService.MAX_BYTES) {
          throw new PayloadTooLargeException("too large");
        }
        media.upload(
            caller,
            site,
            new MediaUpload(
                in.readAllBytes(), name, Inputs.typed(altZh), Inputs.typed(altEn), null));
        results.add(lang.text("media.uploaded", name));
      } catch (ContentValidationException e) {
        if (e.errors().stream().anyMatch(x -> x.field().startsWith("alt"))) {
          altError = lang.text("media.alt-required");
          results.add(lang.text("media.refused.alt", name));
        } else {
          results.add(lang.text("media.refused", name));
        }
      } catch (UnsupportedContentException | PayloadTooLargeException | IOException e) {
        results.add(refused(e, name));
      }
    }
    read();
  }

  /** Deletes a file, unless published content uses it (then says so). */
  /**
   * Replaces the chosen file's content, keeping its id: every item naming it shows the new file.
   */
  public void replace() {
    results.clear();
    altError = null;
    String name = replacement == null ? null : replacement.getSubmittedFileName();
    if (replaced == null || replacement == null || replacement.getSize() == 0) {
      results.add(lang.text("media.replace.none"));
      return;
    }
    try (InputStream in = replacement.getInputStream()) {
      if (replacement.getSize() > MediaService.MAX_BYTES) {
        throw new PayloadTooLargeException("too large");
      }
      MediaView done =
          media.replace(
              callers.current().orElseThrow(),
              site,
              replaced,
              new MediaUpload(in.readAllBytes(), name, null, null, null));
      results.add(lang.text("media.replaced", done.fileName(), done.id()));
    } catch (ContentValidationException e) {
      results.add(lang.text("media.replace.kind", name));
    } catch (tw.gov.civitas.core.error.NotFoundException e) {
      results.add(lang.text("media.replace.gone"));
    } catch (UnsupportedContentException | PayloadTooLargeException | IOException e) {
      results.add(refused(e, name));
    }
    read();
  }

  /** Why a file was not taken, in the screen's language. */
  private String refused(Exception e, String name) {
    return lang.text(
        e instanceof UnsupportedContentException
            ? "media.refused.type"
            : e instanceof PayloadTooLargeException ? "media.refused.size" : "media.refused",
        name);
  }

  public Part getReplacement() {
    return replacement;
  }

  public void setReplacement(Part replacement) {
    this.replacement = replacement;
  }

  public String getReplaced() {
    return replaced;
  }

  public void setReplaced(String replaced) {
    this.replaced = replaced;
  }

  public void delete(String id) {
    results.clear();
    try {
      media.delete(callers.current().orElseThrow(), site, id);
      results.add(lang.text("media.deleted", id));
    } catch (ConflictException e) {
      results.add(lang.text("media.in-use", id));
    }
    read();
  }

  public String getSite() {
    return site;
  }

  public void setSite(String site) {
    this.site = SiteAdmission.firstValue(this.site, site);
  }

  public String getSiteName() {
    return siteName;
  }

  public List<Part> getFiles() {
    return files;
  }

  public void setFiles(List<Part> files) {
    this.files = files;
  }

  public String getAltZh() {
    return altZh;
  }

  public void setAltZh(String altZh) {
    this.altZh = altZh;
  }

  public String getAltEn() {
    return altEn;
  }

  public void setAltEn(String altEn) {
    this.altEn = altEn;
  }

  public List<Row> getRows() {
    return rows;
  }

  public List<String> getResults() {
    return results;
  }

  public String getAltError() {
    return altError;
  }
}
