package dev.newsfeed.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DocumentCharsetTest {

    private static final Charset CP1251 = Charset.forName("windows-1251");
    private static final String KYIV = "Київ";

    @Test
    void anHtmlPageServedWithoutACharsetIsReadInTheOneItsMetaDeclares() {
        String page = "<html><head><meta charset=\"windows-1251\"><title>" + KYIV + "</title></head></html>";
        assertEquals(page, DocumentCharset.decode(page.getBytes(CP1251), "text/html"));
        String old = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\">"
                + KYIV + "</head></html>";
        assertEquals(old, DocumentCharset.decode(old.getBytes(CP1251), "text/html"));
    }

    @Test
    void theContentTypeWinsOverTheMeta() {
        String page = "<meta charset=\"windows-1251\">" + KYIV;
        assertEquals(page, DocumentCharset.decode(page.getBytes(StandardCharsets.UTF_8), "text/html; charset=UTF-8"));
        assertEquals(KYIV, DocumentCharset.decode(KYIV.getBytes(CP1251), "text/plain; charset=\"windows-1251\""));
    }

    @Test
    void latin1IsReadAsBrowsersReadIt() {
        byte[] quote = {(byte) 0x93, 'K', 'y', 'i', 'v', (byte) 0x94};
        assertEquals("“Kyiv”", DocumentCharset.decode(quote, "text/html; charset=ISO-8859-1"));
    }

    @Test
    void aByteOrderMarkIsReadAndDropped() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'h', 'i'};
        assertEquals("hi", DocumentCharset.decode(bom, "text/plain"));
        byte[] utf16 = {(byte) 0xFF, (byte) 0xFE, 'h', 0, 'i', 0};
        assertEquals("hi", DocumentCharset.decode(utf16, null));
    }

    @Test
    void withoutAnyDeclarationTextIsUtf8AndUnknownNamesAreIgnored() {
        assertEquals(KYIV, DocumentCharset.decode(KYIV.getBytes(StandardCharsets.UTF_8), "text/plain"));
        assertEquals(KYIV, DocumentCharset.decode(KYIV.getBytes(StandardCharsets.UTF_8), "text/html; charset=no-such"));
        String plain = "<meta charset=\"windows-1251\"> " + KYIV;
        assertEquals(plain, DocumentCharset.decode(plain.getBytes(StandardCharsets.UTF_8), "text/plain"));
    }
}
