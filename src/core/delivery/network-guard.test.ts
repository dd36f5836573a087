import { describe, expect, it } from 'vitest';
import { assertSafeWebhookUrl, isNonPublicAddress, UnsafeUrlError } from './network-guard.ts';

describe('isNonPublicAddress', () => {
  it.each([
    '127.0.0.1',
    '127.255.255.254',
    '10.0.0.1',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '255.255.255.255',
    '224.0.0.1',
    '::1',
    '::',
    'fe80::1',
    'fe80::1%eth0',
    'fd12:3456:789a::1',
    'fc00::1',
    'ff02::1',
    '::ffff:127.0.0.1',
    '::ffff:10.0.0.1',
    '64:ff9b::a00:1',
    '2002:c0a8:101::1',
    'not an address',
  ])('refuses %s', (address) => {
    expect(isNonPublicAddress(address)).toBe(true);
  });

  it.each([
    '93.184.216.34',
    '8.8.8.8',
    '172.32.0.1',
    '192.169.0.1',
    '2606:4700:4700::1111',
    '64:ff9b::808:808',
  ])('allows %s', (address) => {
    expect(isNonPublicAddress(address)).toBe(false);
  });
});

describe('assertSafeWebhookUrl', () => {
  it.each([
    'http://127.0.0.1/',
    'http://10.0.0.1/hook',
    'https://[::1]:8443/',
    'http://[::ffff:7f00:1]/',
    'http://169.254.169.254/latest/meta-data/',
    'http://localhost:9/',
  ])('refuses %s when private networks are not allowed', async (url) => {
    await expect(assertSafeWebhookUrl(url, false)).rejects.toBeInstanceOf(UnsafeUrlError);
  });

  it('refuses schemes other than http and https, even when private networks are allowed', async () => {
    await expect(assertSafeWebhookUrl('ftp://example.org/', true)).rejects.toThrow('http or https');
    await expect(assertSafeWebhookUrl('file:///etc/passwd', true)).rejects.toThrow('http or https');
  });

  it('accepts public address literals without a DNS lookup, and private ones when allowed', async () => {
    await expect(assertSafeWebhookUrl('https://93.184.216.34/hook', false)).resolves.toBeUndefined();
    await expect(assertSafeWebhookUrl('http://127.0.0.1:8080/hook', true)).resolves.toBeUndefined();
  });
});
