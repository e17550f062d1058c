package dev.backcoach.telegram.fake;

import dev.backcoach.telegram.fake.SpecValidator.Upload;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Request bodies the Bot API accepts besides JSON: query strings, urlencoded forms,
 * multipart/form-data.
 */
final class HttpBodies {

    /** Text fields and file parts of a form; {@code problems} lists malformed or repeated parts. */
    record Form(Map<String, String> fields, Map<String, Upload> files, List<String> problems) {}

    private HttpBodies() {}

    static Form urlencoded(String query) {
        Map<String, String> fields = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        if (query == null || query.isEmpty()) {
            return new Form(fields, Map.of(), problems);
        }
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name =
                    URLDecoder.decode(
                            eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value =
                    eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            if (fields.put(name, value) != null) {
                problems.add(name + ": sent more than once");
            }
        }
        return new Form(fields, Map.of(), problems);
    }

    /**
     * Parses multipart/form-data; {@code contentType} is the request's Content-Type header with the
     * boundary.
     */
    static Form multipart(String contentType, byte[] body) {
        Map<String, String> fields = new LinkedHashMap<>();
        Map<String, Upload> files = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        String boundary = parameter(contentType, "boundary");
        if (boundary == null || boundary.isEmpty()) {
            problems.add("multipart/form-data without a boundary");
            return new Form(fields, files, problems);
        }
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        int pos = indexOf(body, delimiter, 0);
        if (pos < 0) {
            problems.add("multipart body has no boundary line");
            return new Form(fields, files, problems);
        }
        pos += delimiter.length;
        while (true) {
            if (startsWith(body, pos, "--")) {
                break;
            }
            if (!startsWith(body, pos, "\r\n")) {
                problems.add("malformed multipart boundary line");
                break;
            }
            pos += 2;
            int headerEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), pos);
            if (headerEnd < 0) {
                problems.add("multipart part without a header end");
                break;
            }
            String headers = new String(body, pos, headerEnd - pos, StandardCharsets.UTF_8);
            int contentStart = headerEnd + 4;
            byte[] next = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
            int contentEnd = indexOf(body, next, contentStart);
            if (contentEnd < 0) {
                problems.add("multipart part is not terminated by the boundary");
                break;
            }
            byte[] content = java.util.Arrays.copyOfRange(body, contentStart, contentEnd);
            String disposition = null;
            String partType = null;
            for (String line : headers.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String h = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                if (h.equals("content-disposition")) {
                    disposition = line.substring(colon + 1).trim();
                } else if (h.equals("content-type")) {
                    partType = line.substring(colon + 1).trim();
                }
            }
            String name = disposition == null ? null : parameter(disposition, "name");
            if (name == null) {
                problems.add("multipart part without Content-Disposition name");
            } else {
                String fileName = parameter(disposition, "filename");
                boolean repeated;
                if (fileName != null) {
                    repeated =
                            files.put(name, new Upload(name, fileName, partType, content)) != null;
                } else {
                    repeated =
                            fields.put(name, new String(content, StandardCharsets.UTF_8)) != null;
                }
                if (repeated) {
                    problems.add(name + ": multipart part sent more than once");
                }
            }
            pos = contentEnd + next.length;
        }
        return new Form(fields, files, problems);
    }

    /**
     * A {@code key=value} parameter of a header value such as {@code form-data; name="x";
     * filename="y"}.
     */
    static String parameter(String header, String key) {
        if (header == null) {
            return null;
        }
        for (String piece : header.split(";")) {
            String p = piece.trim();
            int eq = p.indexOf('=');
            if (eq > 0 && p.substring(0, eq).trim().equalsIgnoreCase(key)) {
                String v = p.substring(eq + 1).trim();
                if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
                    v = v.substring(1, v.length() - 1);
                }
                return v;
            }
        }
        return null;
    }

    private static boolean startsWith(byte[] data, int at, String ascii) {
        if (at + ascii.length() > data.length) {
            return false;
        }
        for (int i = 0; i < ascii.length(); i++) {
            if (data[at + i] != (byte) ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = Math.max(0, from); i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
