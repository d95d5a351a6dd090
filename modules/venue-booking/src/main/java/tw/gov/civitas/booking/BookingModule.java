package tw.gov.civitas.booking;

import java.time.Duration;
import tw.gov.civitas.booking.rest.BookingsResource;
import tw.gov.civitas.booking.rest.ManagedBookingsResource;
import tw.gov.civitas.booking.rest.ManagedVenuesResource;
import tw.gov.civitas.booking.rest.VenuesResource;
import tw.gov.civitas.booking.service.DemoVenues;
import tw.gov.civitas.booking.service.WaitlistOffersJob;
import tw.gov.civitas.booking.web.BookingRequestForm;
import tw.gov.civitas.booking.web.CancellationForm;
import tw.gov.civitas.booking.web.VenueListPage;
import tw.gov.civitas.booking.web.VenuePage;
import tw.gov.civitas.booking.web.VenuesPageModule;
import tw.gov.civitas.spi.CitizenFormDescriptor;
import tw.gov.civitas.spi.EditorPageDescriptor;
import tw.gov.civitas.spi.EditorSlot;
import tw.gov.civitas.spi.FieldDescriptor;
import tw.gov.civitas.spi.FieldKind;
import tw.gov.civitas.spi.ModuleContext;
import tw.gov.civitas.spi.ModuleRegistrar;
import tw.gov.civitas.spi.PageModuleDescriptor;
import tw.gov.civitas.spi.PageRegion;
import tw.gov.civitas.spi.PermissionDescriptor;
import tw.gov.civitas.spi.PlatformModule;
import tw.gov.civitas.spi.PublicPageDescriptor;
import tw.gov.civitas.spi.SiteRole;
import tw.gov.civitas.spi.job.JobDescriptor;

/**
 * 場地租借: a site's venues rented by time slot. Citizens book online, the agency approves, collects
 * the fee and manages blackouts; PostgreSQL guarantees that no slot is booked twice.
 */
public class BookingModule implements PlatformModule {

  public static final String ID = "booking";

  /** Venues, their fees, rules and blackouts, and the usage report. */
  public static final String MANAGE = "booking.venue.manage";

  /** Booking requests: approve, reject, mark used or no-show, cancel on the agency's side. */
  public static final String DECIDE = "booking.request.decide";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public void register(ModuleRegistrar registrar) {
    registrar
        .permission(
            PermissionDescriptor.builder(MANAGE)
                .displayName("Manage the site's venues, fees, rules and blackouts")
                .grantTo(SiteRole.SITE_ADMIN)
                .grantTo(SiteRole.EDITOR)
                .build())
        .permission(
            PermissionDescriptor.builder(DECIDE)
                .displayName("Decide on the site's booking requests")
                .grantTo(SiteRole.SITE_ADMIN)
                .grantTo(SiteRole.REVIEWER)
                .build())
        .migrations("db/migration/booking")
        .resource(VenuesResource.class)
        .resource(BookingsResource.class)
        .resource(ManagedVenuesResource.class)
        .resource(ManagedBookingsResource.class)
        .job(
            JobDescriptor.builder("booking.waitlist-offers")
                .every(Duration.ofMinutes(15))
                .runs(WaitlistOffersJob.class)
                .build())
        .editorPage(
            EditorPageDescriptor.builder("booking.venues")
                .slot(EditorSlot.SITE)
                .title("場地", "Venues")
                .permission(MANAGE)
                .view("venues.xhtml")
                .build())
        .editorPage(
            EditorPageDescriptor.builder("booking.requests")
                .slot(EditorSlot.SITE)
                .title("場地預約申請", "Booking requests")
                .permission(DECIDE)
                .view("requests.xhtml")
                .build())
        .editorPage(
            EditorPageDescriptor.builder("booking.report")
                .slot(EditorSlot.SITE)
                .title("場地使用統計", "Venue usage")
                .permission(MANAGE)
                .view("report.xhtml")
                .build())
        .pageModule(
            PageModuleDescriptor.builder("booking.venues")
                .name("場地租借", "Venues to book")
                .region(PageRegion.HOME)
                .model(VenuesPageModule.class)
                .setting(
                    FieldDescriptor.builder("limit", FieldKind.INTEGER)
                        .min(1d)
                        .max(12d)
                        .label("顯示幾個場地", "Venues shown")
                        .build())
                .build())
        .publicPage(
            PublicPageDescriptor.builder("booking.venues").model(VenueListPage.class).build())
        .publicPage(PublicPageDescriptor.builder("booking.venue").model(VenuePage.class).build())
        .citizenForm(
            CitizenFormDescriptor.builder(BookingRequestForm.ID)
                .title("場地預約申請", "Venue booking request")
                .field(FieldDescriptor.choice("slots", true, true), "時段", "Time slots")
                .field(
                    FieldDescriptor.text("applicantName", true, 100), "申請人姓名", "Applicant's name")
                .field(
                    FieldDescriptor.pattern("phone", true, 20, "[0-9+()# -]{6,20}"),
                    "聯絡電話",
                    "Phone")
                .field(FieldDescriptor.text("organisation", false, 200), "單位或團體", "Organisation")
                .field(FieldDescriptor.text("purpose", true, 500), "使用目的", "Purpose")
                .field(
                    FieldDescriptor.builder("attendees", FieldKind.INTEGER)
                        .required()
                        .min(1d)
                        .max(100_000d)
                        .build(),
                    "使用人數",
                    "Attendees")
                .field(FieldDescriptor.choice("discount", false, false), "優待身分", "Discount")
                .field(
                    FieldDescriptor.builder("accept", FieldKind.BOOLEAN).required().build(),
                    "我已閱讀並同意使用規定",
                    "I have read and accept the terms of use")
                .handler(BookingRequestForm.class)
                .build())
        .citizenForm(
            CitizenFormDescriptor.builder(CancellationForm.ID)
                .title("我的場地預約", "My venue bookings")
                .field(
                    FieldDescriptor.choice("booking", true, false), "取消哪一筆預約", "Booking to cancel")
                .field(FieldDescriptor.text("reason", false, 500), "取消原因", "Reason")
                .handler(CancellationForm.class)
                .build());
  }

  @Override
  public void bootstrap(ModuleContext context) {
    if (context.demoData()) {
      jakarta
          .enterprise
          .inject
          .spi
          .CDI
          .current()
          .select(DemoVenues.class)
          .get()
          .seed(context.sitesEnablingThisModule());
    }
  }
}
