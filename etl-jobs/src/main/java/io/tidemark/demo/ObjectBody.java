package io.tidemark.demo;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A Firehose object body: gzip members concatenated with no delimiter, and where each member ends.
 */
record ObjectBody(byte[] bytes, List<Integer> memberEnds) {

    ObjectBody {
        memberEnds = List.copyOf(memberEnds);
    }

    static ObjectBody concatenate(List<byte[]> members) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Integer> ends = new ArrayList<>();
        for (byte[] member : members) {
            out.writeBytes(member);
            ends.add(out.size());
        }
        return new ObjectBody(out.toByteArray(), ends);
    }

    /**
     * The body cut in the middle of member {@code member} (0-based, not the first byte and not the
     * last): members before it stay complete, it and everything after it are lost.
     */
    ObjectBody cutInsideMember(int member) {
        if (member < 0 || member >= memberEnds.size()) {
            throw new IllegalArgumentException("no member " + member);
        }
        int start = member == 0 ? 0 : memberEnds.get(member - 1);
        int cut = start + (memberEnds.get(member) - start) / 2;
        return new ObjectBody(Arrays.copyOf(bytes, cut), memberEnds.subList(0, member));
    }

    /** Number of members a reader can decode completely. */
    int completeMembers() {
        return memberEnds.size();
    }
}
