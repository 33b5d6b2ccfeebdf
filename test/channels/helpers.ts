// Real loopback stand-ins for the SMS and email providers, shared by channel, verification and
// alert tests (tests talk to real servers, no mocks).
export {
  startSmtpServer,
  type FakeSmtpServer,
  type FakeSmtpOptions,
  type ReceivedMail,
} from './fake-smtp.js';
export { startFakeTwilio, type FakeTwilio, type TwilioRequest } from './fake-twilio.js';
export { parseMail, type ParsedMail } from './mime.js';
