package org.megaphone.pipelines.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/**
 * A dataset small enough to compute every output by hand (see {@link ReportPipelineTest}), in
 * Europe/Helsinki across the 2020-03-29 daylight-saving change. It has one of each: alias, host,
 * override, unknown override entity, ambiguous mention, duplicate export (gzip), quoted newline,
 * recount, duplicate snapshot, orphan view, semicolon+BOM+CRLF file, formula-like bad row; and a
 * theme, and claims carried by campaign posts only, by other posts only, and by both.
 */
public final class MiniDataset {
  private MiniDataset() {}

  public static Path write(Path dir) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(
        dir.resolve("accounts.csv"),
        """
        platform,handle,entity_id,entity_name,role,cohort,municipality,language,followers,aliases,host
        instagram,anna_k,anna,Anna Korhonen,influencer,core,,fi,1000,,
        tiktok,anna.k,anna,,influencer,,,fi,,,
        youtube,cityhall,city,City Hall,government,,,fi,5000,,yes
        instagram,mayor_e,mayor-e,Eero Mäkinen,mayor,core,Espoo,fi,,Pormestari Mäkinen,
        """,
        StandardCharsets.UTF_8);
    Files.writeString(
        dir.resolve("bulletins.csv"),
        """
        bulletin_id,campaign,sent_at,language,audience,hashtags,links,title
        B1,coronafacts,2020-03-23 09:00,fi,10,#coronafacts #koronafaktat,https://thl.fi/korona,Bulletin one
        B2,coronafacts,2020-03-24T09:00:00+02:00,sv,4,coronafacts,,Bulletin two
        """,
        StandardCharsets.UTF_8);
    Files.writeString(
        dir.resolve("posts.csv"),
        """
        platform,post_id,handle,published_at,text,url,language,likes,comments,shares,saves,followers,exported_at
        ig,p1,@Anna_K,2020-03-23T12:00:00+02:00,"Pese kädet! #CoronaFacts",,,100,10,5,5,,2020-03-30
        tiktok,t1,anna.k,2020-03-24 10:00,"Katso https://www.THL.fi/korona/?utm_source=x.",,sv,20,0,0,0,400,
        youtube,v1,cityhall,2020-03-30 10:00,"Video:
        Pormestari Makinen kertoo",,,5,0,0,0,,
        instagram,x1,stranger,2020-03-29T23:30:00Z,"kiitos @mayor_e ja @anna_k",,,3,0,0,0,,
        instagram,x2,stranger,2020-03-29T23:30:00Z,"no mentions here, #coronafacts",,,1,1,0,0,,
        instagram,bad1,anna_k,yesterday,x,,,1,,,,,
        """,
        StandardCharsets.UTF_8);
    try (OutputStream out =
        new GZIPOutputStream(Files.newOutputStream(dir.resolve("posts_old.csv.gz")))) {
      out.write(
          """
          platform,post_id,handle,published_at,text,likes,exported_at
          instagram,p1,anna_k,2020-03-23T12:00:00+02:00,"Pese kädet! #CoronaFacts",90,2020-03-25
          """
              .getBytes(StandardCharsets.UTF_8));
    }
    Files.writeString(
        dir.resolve("views.csv"),
        """
        platform,post_id,observed_at,views
        instagram,p1,2020-03-24T00:00:00+02:00,100
        instagram,p1,2020-03-30T00:00:00+03:00,80
        instagram,p1,2020-03-31T00:00:00+03:00,300
        youtube,v1,2020-03-30T12:00:00+03:00,1000
        youtube,v1,2020-03-30T12:00:00+03:00,900
        youtube,v1,2020-04-06 00:00,1500
        youtube,gone,2020-03-30,70
        =1+1,p9,2020-03-30,5
        """,
        StandardCharsets.UTF_8);
    Files.writeString(
        dir.resolve("followers.csv"),
        """
        \uFEFFplatform;handle;observed_at;followers\r
        youtube;@CityHall;2020-03-22T12:00:00+02:00;4900\r
        youtube;cityhall;2020-03-25T12:00:00+02:00;4950\r
        youtube;cityhall;2020-03-27T12:00:00+02:00;5000\r
        youtube;cityhall;2020-04-01T12:00:00+03:00;4990\r
        """,
        StandardCharsets.UTF_8);
    Files.writeString(
        dir.resolve("claims.csv"),
        """
        claim_id,description,phrases,links
        hands,Washing hands does not help,pese kädet|kertoo,
        thanks,A rumour in thanks,kiitos|no mentions,
        thl-fake,A fake THL page,,https://thl.fi/korona
        """,
        StandardCharsets.UTF_8);
    Files.writeString(
        dir.resolve("overrides.csv"),
        "platform,post_id,entity_id\ninstagram,x1,city\ninstagram,x2,nobody\n",
        StandardCharsets.UTF_8);
    return dir;
  }
}
