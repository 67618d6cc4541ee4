package io.tidemark.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Random;

/**
 * GuardDuty finding events as EventBridge delivers them (FORMATS 7.1/7.2), and a CloudTrail event on the same
 * bus, rendered to JSON text with a fixed field order.
 */
final class GuardDutyEventFactory {
    /** How a finding document is wrapped. */
    enum Style { FULL_ENVELOPE, REGION_AND_DETAIL_ONLY, BARE_FINDING }

    /** What kind of finding: type, resource, action, base severity. */
    record Profile(String type, String resourceType, String actionType, double severity, String title) {
    }

    static final List<Profile> PROFILES = List.of(
            new Profile("Recon:EC2/PortProbeUnprotectedPort", "Instance", "PORT_PROBE", 2.0,
                    "Unprotected port on EC2 instance %s is being probed."),
            new Profile("UnauthorizedAccess:EC2/SSHBruteForce", "Instance", "NETWORK_CONNECTION", 5.0,
                    "%s is performing SSH brute force attacks."),
            new Profile("UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS", "AccessKey", "AWS_API_CALL",
                    8.0, "Credentials of %s used from a remote AWS account."),
            new Profile("Policy:S3/BucketBlockPublicAccessDisabled", "S3Bucket", "AWS_API_CALL", 2.5,
                    "Amazon S3 Block Public Access was disabled for buckets by %s."),
            new Profile("Backdoor:EC2/C&CActivity.B!DNS", "Instance", "DNS_REQUEST", 8.0,
                    "Command and control server domain name queried by EC2 instance %s."));

    private static final List<String> COUNTRIES = List.of("Netherlands", "Brazil", "Vietnam", "Germany", "Canada");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Random random;
    private final String accountId;
    private final String region;
    private final String detectorId;

    GuardDutyEventFactory(Random random, String accountId, String region) {
        this.random = random;
        this.accountId = accountId;
        this.region = region;
        this.detectorId = hex(32);
    }

    /** A finding as GuardDuty would describe it; one subject (instance, key, buckets) and remote per finding. */
    record Finding(String id, Profile profile, String subject, String remoteIp, String country, Instant createdAt,
                   Instant firstSeen) {
    }

    Finding newFinding(Profile profile, Instant createdAt) {
        String subject = switch (profile.resourceType()) {
            case "Instance" -> "i-0" + hex(16);
            case "AccessKey" -> "ASIA" + hex(16).toUpperCase(java.util.Locale.ROOT);
            default -> "AKIA" + hex(16).toUpperCase(java.util.Locale.ROOT);
        };
        String ip = (random.nextBoolean() ? "198.51.100." : "203.0.113.") + (1 + random.nextInt(254));
        return new Finding(hex(32), profile, subject, ip, COUNTRIES.get(random.nextInt(COUNTRIES.size())), createdAt,
                createdAt.minusSeconds(60 + random.nextInt(540)));
    }

    /**
     * One update of a finding.
     *
     * @param severity written as an int ({@code 2}), a double ({@code 5.0}) or a string ({@code "5.0"}) by {@code form}
     */
    String update(Finding finding, Style style, String updatedAt, int count, double severity, int form, Instant eventTime) {
        ObjectNode detail = JSON.createObjectNode();
        detail.put("schemaVersion", "2.0");
        detail.put("accountId", accountId);
        detail.put("region", region);
        detail.put("partition", "aws");
        if (finding.id() != null) {
            detail.put("id", finding.id());
        }
        detail.put("arn", "arn:aws:guardduty:" + region + ":" + accountId + ":detector/" + detectorId + "/finding/" + finding.id());
        detail.put("type", finding.profile().type());
        detail.set("resource", resource(finding));
        detail.set("service", service(finding, count, eventTime.minusSeconds(45)));
        switch (form % 3) {
            case 0 -> {
                if (severity == Math.rint(severity)) {
                    detail.put("severity", (int) severity);
                } else {
                    detail.put("severity", severity);
                }
            }
            case 1 -> detail.put("severity", severity);
            default -> detail.put("severity", Double.toString(severity));
        }
        detail.put("createdAt", finding.createdAt().toString());
        detail.put("updatedAt", updatedAt);
        detail.put("title", String.format(finding.profile().title(), finding.subject()));
        detail.put("description", finding.profile().type() + " seen " + count + " times involving " + finding.subject() + ".");
        return render(wrap(detail, style, eventTime, "GuardDuty Finding", "aws.guardduty"));
    }

    /** A finding update whose severity is a word, not a number. */
    String updateWithWordSeverity(Finding finding, String updatedAt, int count, Instant eventTime) {
        String text = update(finding, Style.FULL_ENVELOPE, updatedAt, count, 8.0, 1, eventTime);
        return text.replace("\"severity\":8.0", "\"severity\":\"HIGH\"");
    }

    /** A CloudTrail management event that the same EventBridge rule target received. */
    String cloudTrailEvent(Instant eventTime) {
        ObjectNode detail = JSON.createObjectNode();
        detail.put("eventVersion", "1.08");
        ObjectNode identity = detail.putObject("userIdentity");
        identity.put("type", "IAMUser");
        identity.put("accountId", accountId);
        identity.put("userName", "ops-" + random.nextInt(100));
        detail.put("eventTime", eventTime.minusSeconds(20).toString());
        detail.put("eventSource", "iam.amazonaws.com");
        detail.put("eventName", "CreateAccessKey");
        detail.put("awsRegion", region);
        detail.put("sourceIPAddress", "192.0.2." + (1 + random.nextInt(254)));
        detail.put("eventID", SeededUuid.next(random).toString());
        detail.put("eventType", "AwsApiCall");
        return render(wrap(detail, Style.FULL_ENVELOPE, eventTime, "AWS API Call via CloudTrail", "aws.iam"));
    }

    private ObjectNode wrap(ObjectNode detail, Style style, Instant eventTime, String detailType, String source) {
        if (style == Style.BARE_FINDING) {
            return detail;
        }
        ObjectNode event = JSON.createObjectNode();
        if (style == Style.FULL_ENVELOPE) {
            event.put("version", "0");
            event.put("id", SeededUuid.next(random).toString());
            event.put("detail-type", detailType);
            event.put("source", source);
            event.put("account", accountId);
            event.put("time", eventTime.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        }
        event.put("region", region);
        if (style == Style.FULL_ENVELOPE) {
            event.putArray("resources");
        }
        event.set("detail", detail);
        return event;
    }

    private ObjectNode resource(Finding finding) {
        ObjectNode resource = JSON.createObjectNode();
        resource.put("resourceType", finding.profile().resourceType());
        switch (finding.profile().resourceType()) {
            case "Instance" -> {
                ObjectNode instance = resource.putObject("instanceDetails");
                instance.put("instanceId", finding.subject());
                instance.put("instanceType", "m5.large");
                instance.put("instanceState", "running");
            }
            case "AccessKey" -> {
                ObjectNode key = resource.putObject("accessKeyDetails");
                key.put("accessKeyId", finding.subject());
                key.put("principalId", "AROA" + finding.subject().substring(4));
                key.put("userType", "AssumedRole");
            }
            default -> {
                ObjectNode key = resource.putObject("accessKeyDetails");
                key.put("accessKeyId", finding.subject());
                key.put("userType", "IAMUser");
                ArrayNode buckets = resource.putArray("s3BucketDetails");
                buckets.addObject().put("name", "logs-" + finding.id().substring(0, 6)).put("type", "Destination");
                buckets.addObject().put("name", "data-" + finding.id().substring(6, 12)).put("type", "Destination");
            }
        }
        return resource;
    }

    private ObjectNode service(Finding finding, int count, Instant lastSeen) {
        ObjectNode service = JSON.createObjectNode();
        service.put("serviceName", "guardduty");
        service.put("detectorId", detectorId);
        ObjectNode action = service.putObject("action");
        String actionType = finding.profile().actionType();
        action.put("actionType", actionType);
        ObjectNode remote = JSON.createObjectNode();
        remote.put("ipAddressV4", finding.remoteIp());
        remote.putObject("country").put("countryName", finding.country());
        switch (actionType) {
            case "PORT_PROBE" -> {
                ObjectNode probe = action.putObject("portProbeAction");
                probe.put("blocked", false);
                ArrayNode details = probe.putArray("portProbeDetails");
                ObjectNode first = details.addObject();
                first.putObject("localPortDetails").put("port", 22).put("portName", "SSH");
                first.set("remoteIpDetails", remote);
                ObjectNode second = details.addObject();
                second.putObject("localPortDetails").put("port", 3389).put("portName", "RDP");
                second.putObject("remoteIpDetails").put("ipAddressV4", "192.0.2.200");
            }
            case "NETWORK_CONNECTION" -> {
                ObjectNode connection = action.putObject("networkConnectionAction");
                connection.put("connectionDirection", "INBOUND");
                connection.set("remoteIpDetails", remote);
                connection.put("protocol", "TCP");
                connection.put("blocked", false);
            }
            case "AWS_API_CALL" -> {
                ObjectNode call = action.putObject("awsApiCallAction");
                call.put("api", finding.profile().resourceType().equals("S3Bucket") ? "PutBucketPublicAccessBlock" : "ListBuckets");
                call.put("serviceName", "s3.amazonaws.com");
                call.set("remoteIpDetails", remote);
            }
            default -> {
                ObjectNode dns = action.putObject("dnsRequestAction");
                dns.put("domain", "c2." + finding.id().substring(0, 8) + ".example");
                dns.put("protocol", "UDP");
                dns.put("blocked", false);
            }
        }
        service.put("resourceRole", finding.profile().resourceType().equals("Instance") ? "TARGET" : "ACTOR");
        service.putObject("additionalInfo");
        service.put("eventFirstSeen", finding.firstSeen().toString());
        service.put("eventLastSeen", lastSeen.toString());
        service.put("archived", false);
        service.put("count", count);
        return service;
    }

    private String hex(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(Character.forDigit(random.nextInt(16), 16));
        }
        return text.toString();
    }

    private static String render(ObjectNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
