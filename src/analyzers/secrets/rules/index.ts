import type { SecretRule } from '../rule.js';
import { adyenRules } from './adyen.js';
import { ageRules } from './age.js';
import { airtableRules } from './airtable.js';
import { algoliaRules } from './algolia.js';
import { alibabaRules } from './alibaba.js';
import { anthropicRules } from './anthropic.js';
import { asanaRules } from './asana.js';
import { atlassianRules } from './atlassian.js';
import { awsRules } from './aws.js';
import { azureRules } from './azure.js';
import { azureDevopsRules } from './azure-devops.js';
import { bitbucketRules } from './bitbucket.js';
import { braintreeRules } from './braintree.js';
import { brevoRules } from './brevo.js';
import { buildkiteRules } from './buildkite.js';
import { cerebrasRules } from './cerebras.js';
import { checkoutRules } from './checkout.js';
import { circleciRules } from './circleci.js';
import { clojarsRules } from './clojars.js';
import { cloudflareRules } from './cloudflare.js';
import { cloudinaryRules } from './cloudinary.js';
import { cohereRules } from './cohere.js';
import { coinbaseRules } from './coinbase.js';
import { commandLineRules } from './command-line.js';
import { connectionStringRules } from './connection-string.js';
import { contentfulRules } from './contentful.js';
import { cratesioRules } from './cratesio.js';
import { databricksRules } from './databricks.js';
import { datadogRules } from './datadog.js';
import { deepseekRules } from './deepseek.js';
import { digitaloceanRules } from './digitalocean.js';
import { discordRules } from './discord.js';
import { djangoRules } from './django.js';
import { dockerhubRules } from './dockerhub.js';
import { dopplerRules } from './doppler.js';
import { dropboxRules } from './dropbox.js';
import { duffelRules } from './duffel.js';
import { dynatraceRules } from './dynatrace.js';
import { easypostRules } from './easypost.js';
import { elevenlabsRules } from './elevenlabs.js';
import { etherscanRules } from './etherscan.js';
import { facebookRules } from './facebook.js';
import { fastlyRules } from './fastly.js';
import { figmaRules } from './figma.js';
import { firebaseRules } from './firebase.js';
import { flutterwaveRules } from './flutterwave.js';
import { flyRules } from './fly.js';
import { frameioRules } from './frameio.js';
import { gcpRules } from './gcp.js';
import { genericRules } from './generic.js';
import { githubRules } from './github.js';
import { gitlabRules } from './gitlab.js';
import { gocardlessRules } from './gocardless.js';
import { googleChatRules } from './google-chat.js';
import { grafanaRules } from './grafana.js';
import { groqRules } from './groq.js';
import { harnessRules } from './harness.js';
import { hashicorpRules } from './hashicorp.js';
import { herokuRules } from './heroku.js';
import { httpAuthRules } from './http-auth.js';
import { hubspotRules } from './hubspot.js';
import { huggingfaceRules } from './huggingface.js';
import { ibmRules } from './ibm.js';
import { infisicalRules } from './infisical.js';
import { infracostRules } from './infracost.js';
import { infuraRules } from './infura.js';
import { intercomRules } from './intercom.js';
import { jfrogRules } from './jfrog.js';
import { jwtRules } from './jwt.js';
import { langfuseRules } from './langfuse.js';
import { langsmithRules } from './langsmith.js';
import { launchdarklyRules } from './launchdarkly.js';
import { linearRules } from './linear.js';
import { linodeRules } from './linode.js';
import { mailchimpRules } from './mailchimp.js';
import { mailgunRules } from './mailgun.js';
import { mailjetRules } from './mailjet.js';
import { mapboxRules } from './mapbox.js';
import { microsoftTeamsRules } from './microsoft-teams.js';
import { mistralRules } from './mistral.js';
import { mollieRules } from './mollie.js';
import { netlifyRules } from './netlify.js';
import { newrelicRules } from './newrelic.js';
import { notionRules } from './notion.js';
import { npmRules } from './npm.js';
import { nugetRules } from './nuget.js';
import { nvidiaRules } from './nvidia.js';
import { octopusRules } from './octopus.js';
import { oktaRules } from './okta.js';
import { onepasswordRules } from './onepassword.js';
import { openaiRules } from './openai.js';
import { openrouterRules } from './openrouter.js';
import { openshiftRules } from './openshift.js';
import { pagerdutyRules } from './pagerduty.js';
import { paypalRules } from './paypal.js';
import { paystackRules } from './paystack.js';
import { perplexityRules } from './perplexity.js';
import { pineconeRules } from './pinecone.js';
import { plaidRules } from './plaid.js';
import { planetscaleRules } from './planetscale.js';
import { plivoRules } from './plivo.js';
import { posthogRules } from './posthog.js';
import { postmanRules } from './postman.js';
import { postmarkRules } from './postmark.js';
import { prefectRules } from './prefect.js';
import { privateKeyRules } from './private-key.js';
import { pulumiRules } from './pulumi.js';
import { pusherRules } from './pusher.js';
import { pypiRules } from './pypi.js';
import { railsRules } from './rails.js';
import { razorpayRules } from './razorpay.js';
import { readmeRules } from './readme.js';
import { renderRules } from './render.js';
import { replicateRules } from './replicate.js';
import { rubygemsRules } from './rubygems.js';
import { salesforceRules } from './salesforce.js';
import { scalewayRules } from './scaleway.js';
import { sendgridRules } from './sendgrid.js';
import { sentryRules } from './sentry.js';
import { shippoRules } from './shippo.js';
import { shopifyRules } from './shopify.js';
import { slackRules } from './slack.js';
import { snykRules } from './snyk.js';
import { sonarqubeRules } from './sonarqube.js';
import { sourcegraphRules } from './sourcegraph.js';
import { sparkpostRules } from './sparkpost.js';
import { squareRules } from './square.js';
import { stripeRules } from './stripe.js';
import { supabaseRules } from './supabase.js';
import { tailscaleRules } from './tailscale.js';
import { telegramRules } from './telegram.js';
import { tencentRules } from './tencent.js';
import { trelloRules } from './trello.js';
import { twilioRules } from './twilio.js';
import { twitterRules } from './twitter.js';
import { typeformRules } from './typeform.js';
import { vercelRules } from './vercel.js';
import { vonageRules } from './vonage.js';
import { weightsandbiasesRules } from './weightsandbiases.js';
import { woocommerceRules } from './woocommerce.js';
import { xaiRules } from './xai.js';
import { yandexRules } from './yandex.js';
import { zapierRules } from './zapier.js';
import { zendeskRules } from './zendesk.js';

/** Every provider family, listed explicitly (no side-effect registration). Keys are the file names. */
export const SECRET_RULE_FAMILIES: Readonly<Record<string, readonly SecretRule[]>> = {
  adyen: adyenRules,
  age: ageRules,
  airtable: airtableRules,
  algolia: algoliaRules,
  alibaba: alibabaRules,
  anthropic: anthropicRules,
  asana: asanaRules,
  atlassian: atlassianRules,
  aws: awsRules,
  azure: azureRules,
  'azure-devops': azureDevopsRules,
  bitbucket: bitbucketRules,
  braintree: braintreeRules,
  brevo: brevoRules,
  buildkite: buildkiteRules,
  cerebras: cerebrasRules,
  checkout: checkoutRules,
  circleci: circleciRules,
  clojars: clojarsRules,
  cloudflare: cloudflareRules,
  cloudinary: cloudinaryRules,
  cohere: cohereRules,
  coinbase: coinbaseRules,
  'command-line': commandLineRules,
  'connection-string': connectionStringRules,
  contentful: contentfulRules,
  cratesio: cratesioRules,
  databricks: databricksRules,
  datadog: datadogRules,
  deepseek: deepseekRules,
  digitalocean: digitaloceanRules,
  discord: discordRules,
  django: djangoRules,
  dockerhub: dockerhubRules,
  doppler: dopplerRules,
  dropbox: dropboxRules,
  duffel: duffelRules,
  dynatrace: dynatraceRules,
  easypost: easypostRules,
  elevenlabs: elevenlabsRules,
  etherscan: etherscanRules,
  facebook: facebookRules,
  fastly: fastlyRules,
  figma: figmaRules,
  firebase: firebaseRules,
  flutterwave: flutterwaveRules,
  fly: flyRules,
  frameio: frameioRules,
  gcp: gcpRules,
  generic: genericRules,
  github: githubRules,
  gitlab: gitlabRules,
  gocardless: gocardlessRules,
  'google-chat': googleChatRules,
  grafana: grafanaRules,
  groq: groqRules,
  harness: harnessRules,
  hashicorp: hashicorpRules,
  heroku: herokuRules,
  'http-auth': httpAuthRules,
  hubspot: hubspotRules,
  huggingface: huggingfaceRules,
  ibm: ibmRules,
  infisical: infisicalRules,
  infracost: infracostRules,
  infura: infuraRules,
  intercom: intercomRules,
  jfrog: jfrogRules,
  jwt: jwtRules,
  langfuse: langfuseRules,
  langsmith: langsmithRules,
  launchdarkly: launchdarklyRules,
  linear: linearRules,
  linode: linodeRules,
  mailchimp: mailchimpRules,
  mailgun: mailgunRules,
  mailjet: mailjetRules,
  mapbox: mapboxRules,
  'microsoft-teams': microsoftTeamsRules,
  mistral: mistralRules,
  mollie: mollieRules,
  netlify: netlifyRules,
  newrelic: newrelicRules,
  notion: notionRules,
  npm: npmRules,
  nuget: nugetRules,
  nvidia: nvidiaRules,
  octopus: octopusRules,
  okta: oktaRules,
  onepassword: onepasswordRules,
  openai: openaiRules,
  openrouter: openrouterRules,
  openshift: openshiftRules,
  pagerduty: pagerdutyRules,
  paypal: paypalRules,
  paystack: paystackRules,
  perplexity: perplexityRules,
  pinecone: pineconeRules,
  plaid: plaidRules,
  planetscale: planetscaleRules,
  plivo: plivoRules,
  posthog: posthogRules,
  postman: postmanRules,
  postmark: postmarkRules,
  prefect: prefectRules,
  'private-key': privateKeyRules,
  pulumi: pulumiRules,
  pusher: pusherRules,
  pypi: pypiRules,
  rails: railsRules,
  razorpay: razorpayRules,
  readme: readmeRules,
  render: renderRules,
  replicate: replicateRules,
  rubygems: rubygemsRules,
  salesforce: salesforceRules,
  scaleway: scalewayRules,
  sendgrid: sendgridRules,
  sentry: sentryRules,
  shippo: shippoRules,
  shopify: shopifyRules,
  slack: slackRules,
  snyk: snykRules,
  sonarqube: sonarqubeRules,
  sourcegraph: sourcegraphRules,
  sparkpost: sparkpostRules,
  square: squareRules,
  stripe: stripeRules,
  supabase: supabaseRules,
  tailscale: tailscaleRules,
  telegram: telegramRules,
  tencent: tencentRules,
  trello: trelloRules,
  twilio: twilioRules,
  twitter: twitterRules,
  typeform: typeformRules,
  vercel: vercelRules,
  vonage: vonageRules,
  weightsandbiases: weightsandbiasesRules,
  woocommerce: woocommerceRules,
  xai: xaiRules,
  yandex: yandexRules,
  zapier: zapierRules,
  zendesk: zendeskRules,
};

export const SECRET_RULES: readonly SecretRule[] = Object.values(SECRET_RULE_FAMILIES).flat();
