package io.tidemark.sources.ses;

import io.tidemark.landing.ReasonCode;

/** Why an SES record cannot be curated: the reason code and what was wrong (field, value, expectation). */
record SesProblem(ReasonCode reason, String detail) {
}
