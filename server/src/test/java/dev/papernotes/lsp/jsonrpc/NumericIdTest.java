package dev.papernotes.lsp.jsonrpc;

import static dev.papernotes.lsp.jsonrpc.Frames.concat;
import static dev.papernotes.lsp.jsonrpc.Frames.frame;
import static dev.papernotes.lsp.jsonrpc.Frames.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A numeric id comes back exactly as it came: as a number, with the same digits, however long
 * (JSON-RPC allows any number; LSP4J alone failed ids beyond the int range and answered ids longer
 * than Gson's buffer as strings). Checked on the raw output, since a JSON parser would itself
 * change a 5,000-digit number.
 */
class NumericIdTest {
    private static final String FIVE_THOUSAND_DIGITS = "9" + "1234567890".repeat(499) + "876543210";

    /** The raw {@code "id":...} texts of every reply, in order. */
    private static List<String> rawIds(byte[] transcript) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            Launcher<LanguageClient> launcher = new LspLauncher.Builder<LanguageClient>()
                    .setLocalService(new EchoServer())
                    .setRemoteInterface(LanguageClient.class)
                    .setInput(new ByteArrayInputStream(transcript))
                    .setOutput(out)
                    .setExecutorService(executor)
                    .create();
            launcher.startListening().get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            executor.shutdownNow();
        }
        Frames.parse(out.toByteArray()); // well framed
        List<String> ids = new ArrayList<>();
        // LSP4J writes the envelope first: the reply's own id, not one inside an echoed result.
        Matcher m = Pattern.compile("\\{\"jsonrpc\":\"2.0\",\"id\":(\"[^\"]*\"|[-0-9.eE+]+|null)")
                .matcher(out.toString(StandardCharsets.UTF_8));
        while (m.find()) {
            ids.add(shorten(m.group(1)));
        }
        return ids;
    }

    /** The long id as a short token, so that a failure message stays readable. */
    private static String shorten(String id) {
        return id.equals(FIVE_THOUSAND_DIGITS) ? "<the 5,000 digits>"
                : id.equals("\"" + FIVE_THOUSAND_DIGITS + "\"") ? "<the 5,000 digits, quoted>" : id;
    }

    private static String echo(String rawId) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + rawId + ",\"method\":\"test/echo\",\"params\":{\"text\":\"x\"}}";
    }

    @ParameterizedTest
    @ValueSource(strings = {"7", "-7", "0", "2147483647", "2147483648", "-2147483649", "12345678901234",
        "99999999999999999999999999999", "1.5", "-0.25", "1e3", "6.02E+23"})
    void numericIdsComeBackAsWritten(String id) {
        assertEquals(List.of(id), rawIds(frame(echo(id))));
    }

    @Test
    void fiveThousandDigitIdComesBackAsWritten() {
        assertEquals(List.of("<the 5,000 digits>"), rawIds(frame(echo(FIVE_THOUSAND_DIGITS))));
    }

    @Test
    void fiveThousandDigitIdInTheMiddleOfASession() {
        byte[] transcript = concat(frame(echo("1")), frame(echo(FIVE_THOUSAND_DIGITS)), frame(echo("\"s\"")));
        assertEquals(List.of("1", "<the 5,000 digits>", "\"s\""), rawIds(transcript));
    }

    @Test
    void fiveThousandDigitIdOfADamagedRequestIsAnsweredWithThatId() {
        byte[] body = utf8(echo(FIVE_THOUSAND_DIGITS));
        // Ten bytes too long: the error reply must still carry the id, digit for digit.
        assertEquals(List.of("<the 5,000 digits>"),
                rawIds(concat("Content-Length: " + (body.length + 10) + "\r\n\r\n", body)));
    }

    @Test
    void idAfterOtherMembersIsFound() {
        String json = "{\"jsonrpc\":\"2.0\",\"method\":\"test/echo\",\"params\":{\"text\":\"a \\\"quoted\\\" }{\","
                + "\"nested\":[1,{\"id\":5}]},\"id\":" + FIVE_THOUSAND_DIGITS + "}";
        assertEquals(List.of("<the 5,000 digits>"), rawIds(frame(json)));
    }

    @Test
    void finderLeavesIntsStringsAndDamageAlone() {
        for (String json : List.of(echo("42"), echo("\"42\""), echo("null"), "{\"id\":007,\"method\":\"m\"}",
                "{\"id\":12345678901234 oops}", "[{\"id\":12345678901234}]", "{\"params\":{\"id\":12345678901234}}")) {
            byte[] b = utf8(json);
            assertNull(NumericId.find(b, 0, b.length), json);
        }
        byte[] b = utf8(echo("12345678901234"));
        NumericId.Found found = NumericId.find(b, 0, b.length);
        assertEquals("12345678901234", found.text());
        assertEquals(echo("\"12345678901234\""), new String(NumericId.quoted(b, b.length, found), StandardCharsets.UTF_8));
        assertTrue(found.number() instanceof Number);
    }
}
