package org.traza.security.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

  private Instant now = Instant.parse("2026-01-01T00:00:00Z");
  private final LoginThrottle throttle = new LoginThrottle();

  @BeforeEach
  void configure() {
    throttle.clock =
        new Clock() {
          @Override
          public ZoneOffset getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(java.time.ZoneId zone) {
            return this;
          }

          @Override
          public Instant instant() {
            return now;
          }
        };
    throttle.freePerPair = 3;
    throttle.freePerAddress = 10;
    throttle.baseDelay = Duration.ofSeconds(1);
    throttle.maxDelay = Duration.ofMinutes(15);
    throttle.forgetAfter = Duration.ofHours(1);
    throttle.maxTracked = 1000;
  }

  private void fail(String address, String account, int times) {
    for (int i = 0; i < times; i++) {
      assertThat(throttle.check(address, account).allowed()).isTrue();
      throttle.failed(address, account);
    }
  }

  @Test
  void a_pair_gets_free_failures_then_windows_that_double_up_to_the_maximum() {
    fail("a", "ana", 3);
    LoginThrottle.Decision d = throttle.check("a", "ana");
    assertThat(d.allowed()).isFalse();
    assertThat(d.retryAfter()).isEqualTo(Duration.ofSeconds(1));
    now = now.plusSeconds(1);
    fail("a", "ana", 1);
    assertThat(throttle.check("a", "ana").retryAfter()).isEqualTo(Duration.ofSeconds(2));
    assertThat(throttle.delay(5)).isEqualTo(Duration.ofSeconds(32));
    assertThat(throttle.delay(20)).isEqualTo(Duration.ofMinutes(15));
    assertThat(throttle.delay(64)).isEqualTo(Duration.ofMinutes(15));
  }

  @Test
  void the_owner_at_another_address_is_never_held_up_by_a_stranger() {
    fail("stranger", "ana", 3);
    for (int i = 0; i < 20; i++) {
      now = now.plus(throttle.check("stranger", "ana").retryAfter());
      throttle.failed("stranger", "ana");
    }
    assertThat(throttle.check("stranger", "ana").allowed()).isFalse();
    assertThat(throttle.check("owner", "ana").allowed()).isTrue();
  }

  @Test
  void an_address_spraying_many_accounts_is_held_up_as_a_whole() {
    for (int i = 0; i < 10; i++) {
      fail("sprayer", "user" + i, 1);
    }
    assertThat(throttle.check("sprayer", "someone-else").allowed()).isFalse();
    assertThat(throttle.check("elsewhere", "someone-else").allowed()).isTrue();
  }

  @Test
  void success_clears_the_pair_and_an_hour_without_failures_forgets_it() {
    fail("a", "ana", 2);
    throttle.succeeded("a", "ana");
    fail("a", "ana", 2);
    assertThat(throttle.check("a", "ana").allowed()).as("counted afresh").isTrue();
    fail("a", "ana", 1);
    assertThat(throttle.check("a", "ana").allowed()).isFalse();
    now = now.plus(Duration.ofHours(1));
    fail("a", "ana", 2);
    assertThat(throttle.check("a", "ana").allowed()).isTrue();
  }

  @Test
  void a_full_table_drops_keys_that_refuse_nobody_first() {
    throttle.maxTracked = 5;
    fail("x", "victim", 3); // refused now
    for (int i = 0; i < 20; i++) {
      fail("y" + i, "someone", 1);
    }
    assertThat(throttle.check("x", "victim").allowed()).isFalse();
  }
}
