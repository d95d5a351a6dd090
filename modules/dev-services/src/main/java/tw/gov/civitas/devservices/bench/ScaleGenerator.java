package tw.gov.civitas.devservices.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Generates a large published corpus straight in PostgreSQL (the API would take hours for a million
 * items): {@code sites} sites of {@code perSite} published news items each, with Chinese and
 * English words drawn from a small vocabulary so that searches have matches.
 *
 * <p>Arguments: JDBC URL, user, password, sites, items per site.
 */
public final class ScaleGenerator {

  private ScaleGenerator() {}

  public static void main(String[] args) throws Exception {
    String url = args[0];
    int sites = Integer.parseInt(args[3]);
    int perSite = Integer.parseInt(args[4]);
    try (Connection c = DriverManager.getConnection(url, args[1], args[2])) {
      c.setAutoCommit(false);
      long t0 = System.nanoTime();
      for (int s = 1; s <= sites; s++) {
        String key = String.format("scale-%03d", s);
        long siteId = site(c, key);
        try (PreparedStatement existing =
            c.prepareStatement("select count(*) from content_item where site_id = ?")) {
          existing.setLong(1, siteId);
          try (ResultSet r = existing.executeQuery()) {
            r.next();
            if (r.getLong(1) >= perSite) {
              continue;
            }
          }
        }
        // Items, then their first revision; published_fields mirrors the revision, as publishing
        // does.
        try (PreparedStatement items =
            c.prepareStatement(
                """
            with words as (select array['捷運','公車','道路','施工','停電','市場','圖書館','公園','垃圾','清運','端午','龍舟',
                                        'bus','metro','library','park','festival','market','road','works'] as w)
            insert into content_item (site_id, type_id, slug, state, current_revision, published_revision, created_at,
                                      updated_at, published_at, created_by, published_fields, tags)
            select ?, 'core::news', 'item-' || lpad(g::text, 6, '0'), 'PUBLISHED', 1, 1,
                   now() - (g || ' minutes')::interval, now() - (g || ' minutes')::interval,
                   now() - (g || ' minutes')::interval, 'generator',
                   jsonb_build_object(
                     'title', jsonb_build_object('zh-TW', w[1 + g % 12] || w[1 + (g / 12) % 12] || '公告 ' || g,
                                                 'en', w[13 + g % 8] || ' notice ' || g),
                     'body', jsonb_build_object('zh-TW', '<p>' || repeat(w[1 + g % 12] || '相關說明，', 20) || '</p>')),
                   array[w[1 + g % 12]]
            from generate_series(1, ?) g, words
            on conflict (site_id, slug) do nothing
            """)) {
          items.setLong(1, siteId);
          items.setInt(2, perSite);
          items.executeUpdate();
        }
        try (PreparedStatement revisions =
            c.prepareStatement(
                """
            insert into content_revision (item_id, number, fields, author, created_at, comment)
            select i.id, 1, i.published_fields, 'generator', i.created_at, 'generated'
            from content_item i where i.site_id = ?
              and not exists (select 1 from content_revision r where r.item_id = i.id)
            """)) {
          revisions.setLong(1, siteId);
          revisions.executeUpdate();
        }
        c.commit();
        if (s % 10 == 0) {
          System.out.printf("  %d sites, %.0f s%n", s, (System.nanoTime() - t0) / 1e9);
        }
      }
      c.commit();
      // What autovacuum would do in time: statistics and the visibility map (index-only counts).
      c.setAutoCommit(true);
      try (Statement st = c.createStatement()) {
        st.execute("vacuum analyze content_item");
        st.execute("vacuum analyze content_revision");
      }
      System.out.printf(
          "generated %d sites x %d items in %.0f s%n",
          sites, perSite, (System.nanoTime() - t0) / 1e9);
    }
  }

  private static long site(Connection c, String key) throws Exception {
    try (PreparedStatement find = c.prepareStatement("select id from site where site_key = ?")) {
      find.setString(1, key);
      try (ResultSet r = find.executeQuery()) {
        if (r.next()) {
          return r.getLong(1);
        }
      }
    }
    long agency;
    try (PreparedStatement a =
        c.prepareStatement(
            "insert into agency (slug, name_zh, name_en, kind) values (?, ?, ?, 'other')"
                + " on conflict (slug) do update set kind = excluded.kind returning id")) {
      a.setString(1, key);
      a.setString(2, "規模測試 " + key);
      a.setString(3, "Scale " + key);
      try (ResultSet r = a.executeQuery()) {
        r.next();
        agency = r.getLong(1);
      }
    }
    try (PreparedStatement s =
        c.prepareStatement(
            "insert into site (agency_id, site_key, name_zh, name_en) values (?, ?, ?, ?)"
                + " returning id")) {
      s.setLong(1, agency);
      s.setString(2, key);
      s.setString(3, "規模測試 " + key);
      s.setString(4, "Scale " + key);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    }
  }
}
