package tw.gov.civitas.security;

import java.util.Set;
import tw.gov.civitas.core.module.CoreModule;
import tw.gov.civitas.spi.EditorPageDescriptor;
import tw.gov.civitas.spi.EditorSlot;
import tw.gov.civitas.spi.ModuleRegistrar;
import tw.gov.civitas.spi.PlatformModule;

/**
 * The platform's identity screens in the editor, declared through the same SPI as a plug-in's: the
 * editor renders them from data, and they exist on every site (the module is not enabled per site).
 */
public final class IdentityModule implements PlatformModule {

  public static final String ID = "identity";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public Set<String> dependsOn() {
    return Set.of(CoreModule.ID);
  }

  @Override
  public boolean enabledPerSite() {
    return false;
  }

  @Override
  public void register(ModuleRegistrar registrar) {
    registrar.editorPage(
        EditorPageDescriptor.builder("identity.role-holders")
            .slot(EditorSlot.SITE)
            .title("角色", "Role holders")
            .permission(CoreModule.SITE_MANAGE)
            .column("role", "角色", "Role")
            .column("username", "帳號", "User")
            .column("name", "姓名", "Name")
            .column("email", "電子郵件", "Email")
            .source(RoleHoldersPage.class)
            .build());
  }
}
