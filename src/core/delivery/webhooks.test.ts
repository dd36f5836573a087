import { describe, expect, it } from 'vitest';
import { createWebhookSecret, signWebhook } from './webhooks.ts';

describe('signWebhook', () => {
  it('reproduces the example signature of the Standard Webhooks specification', () => {
    const body = '{"test": 2432232314}';
    expect(
      signWebhook('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', 'msg_p5jXN8AQM9LWM0D4loKWxJek', 1614265330, body),
    ).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
  });

  it('changes with the id, the timestamp and the body', () => {
    const secret = createWebhookSecret();
    const reference = signWebhook(secret, 'msg_1', 1700000000, '{}');
    expect(signWebhook(secret, 'msg_2', 1700000000, '{}')).not.toBe(reference);
    expect(signWebhook(secret, 'msg_1', 1700000001, '{}')).not.toBe(reference);
    expect(signWebhook(secret, 'msg_1', 1700000000, '{ }')).not.toBe(reference);
  });
});

describe('createWebhookSecret', () => {
  it('makes a whsec_ secret of 32 random bytes, different every time', () => {
    const secret = createWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    expect(Buffer.from(secret.slice('whsec_'.length), 'base64')).toHaveLength(32);
    expect(createWebhookSecret()).not.toBe(secret);
  });
});
