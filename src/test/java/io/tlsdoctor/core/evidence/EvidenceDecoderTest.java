package io.tlsdoctor.core.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvidenceDecoderTest {

    private static final String QUEUE = "LastError : 421 4.4.2 Connection dropped due to SocketError\r\nÄrende: växel";
    private static final EvidenceRecognizer RECOGNIZER = new EvidenceRecognizer(SymptomCatalog.load());

    @Test
    void utf8WithAndWithoutBom() throws Exception {
        byte[] plain = QUEUE.getBytes(StandardCharsets.UTF_8);
        assertThat(EvidenceDecoder.decode(plain).text()).isEqualTo(QUEUE);
        assertThat(EvidenceDecoder.decode(concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, plain))
                        .text())
                .isEqualTo(QUEUE);
    }

    @Test
    void utf16WithBomBothByteOrdersAndPowerShellsBomlessUtf16() throws Exception {
        byte[] le = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, QUEUE.getBytes(StandardCharsets.UTF_16LE));
        byte[] be = concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, QUEUE.getBytes(StandardCharsets.UTF_16BE));
        assertThat(EvidenceDecoder.decode(le).text()).isEqualTo(QUEUE);
        assertThat(EvidenceDecoder.decode(le).encoding()).isEqualTo("UTF-16LE");
        assertThat(EvidenceDecoder.decode(be).text()).isEqualTo(QUEUE);
        assertThat(EvidenceDecoder.decode(QUEUE.getBytes(StandardCharsets.UTF_16LE))
                        .text())
                .isEqualTo(QUEUE);
    }

    @Test
    void windows1252WhenTheBytesAreNotUtf8() throws Exception {
        byte[] ansi = QUEUE.getBytes(Charset.forName("windows-1252"));
        EvidenceText text = EvidenceDecoder.decode(ansi);
        assertThat(text.encoding()).isEqualTo("windows-1252");
        assertThat(text.text()).isEqualTo(QUEUE);
        assertThat(codes(text)).containsExactly(SymptomCode.QUEUE_421_SOCKET_ERROR);
    }

    @Test
    void mixedEncodingsStillFindTheAsciiError() throws Exception {
        byte[] mixed = concat(
                "Ärende ".getBytes(StandardCharsets.UTF_8),
                concat(
                        "växel ".getBytes(Charset.forName("windows-1252")),
                        "TLS negotiation failed with error SocketError".getBytes(StandardCharsets.US_ASCII)));
        assertThat(codes(EvidenceDecoder.decode(mixed)))
                .containsExactly(SymptomCode.PROTOCOL_LOG_TLS_NEGOTIATION_FAILED);
    }

    @Test
    void binaryZipAndOversizeAreRefusedWithTheirOwnMessage() {
        assertThatThrownBy(() -> EvidenceDecoder.decode(new byte[] {'M', 'Z', 0, 0, 3, 0, 0, 0, 4, 0}))
                .isInstanceOf(EvidenceInputException.class)
                .extracting("messageKey")
                .isEqualTo("evidence.error.binary");
        assertThatThrownBy(() -> EvidenceDecoder.decode(new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0}))
                .isInstanceOf(EvidenceInputException.class)
                .extracting("messageKey")
                .isEqualTo("evidence.error.zip");
        assertThatThrownBy(() -> EvidenceDecoder.decode(new byte[(int) EvidenceDecoder.MAX_BYTES + 1]))
                .isInstanceOf(EvidenceInputException.class)
                .extracting("messageKey")
                .isEqualTo("evidence.error.tooLarge");
    }

    @Test
    void filesThatAreMissingOrFoldersAreNamed(@TempDir Path dir) {
        assertThatThrownBy(() -> EvidenceFiles.read(dir.resolve("nope.txt")))
                .isInstanceOf(EvidenceInputException.class)
                .extracting("messageKey")
                .isEqualTo("evidence.error.missing");
        assertThatThrownBy(() -> EvidenceFiles.read(dir))
                .isInstanceOf(EvidenceInputException.class)
                .extracting("messageKey")
                .isEqualTo("evidence.error.directory");
    }

    @Test
    void anEmlFileIsDecodedSoQuotedPrintableBreaksDoNotHideTheError(@TempDir Path dir) throws Exception {
        String eml = String.join(
                "\r\n",
                "From: Microsoft Outlook <MicrosoftExchange@contoso.com>",
                "To: anna@contoso.com",
                "Subject: Undeliverable: Offer",
                "MIME-Version: 1.0",
                "Content-Type: text/plain; charset=\"utf-8\"",
                "Content-Transfer-Encoding: quoted-printable",
                "",
                "Remote Server returned '421 4.4.2 Connection dropped due to Sock=",
                "etError' =E2=80=94 Generating server: EX01",
                "");
        Path file = Files.writeString(dir.resolve("ndr.eml"), eml);
        Recognition recognition = RECOGNIZER.recognize(EvidenceFiles.read(file));
        assertThat(recognition.source().email()).isTrue();
        assertThat(recognition.detections())
                .extracting(Detection::code)
                .containsExactly(SymptomCode.NDR_421_SOCKET_ERROR);
        assertThat(recognition.detections().get(0).excerpt()).contains("SocketError' — Generating");
    }

    private static java.util.List<SymptomCode> codes(EvidenceText text) {
        return RECOGNIZER.recognize(text).detections().stream()
                .map(Detection::code)
                .toList();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
