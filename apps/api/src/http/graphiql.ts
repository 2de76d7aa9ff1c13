/**
 * GraphiQL served from local assets: the page is rendered by @graphql-yoga/render-graphiql, which
 * inlines everything it needs, so the explorer works with no network (Apollo's default landing
 * page loads from a CDN).
 *
 * Ready to use: the Headers tab of every tab is pre-filled with an `Authorization: Bearer …`
 * placeholder, a note on the page (visible at any width) says where the key goes, and one tab of
 * example operations per kind of user — a social landlord (bailleur social), a social developer
 * (promoteur social) and a ministry analyst.
 */
import { renderGraphiQL } from "@graphql-yoga/render-graphiql";
import type { ApolloServerPlugin } from "@apollo/server";

/** The Headers tab's content: replace the placeholder with your key (abk_…). */
export const AUTH_HEADERS_PLACEHOLDER = JSON.stringify({ Authorization: "Bearer <your API key>" }, null, 2);

const LANDLORD = `# Social landlord (bailleur social): your stock, leases and compensation.
# Put your API key in the Headers tab below: {"Authorization": "Bearer abk_…"}.
query FirstDwellings {
  viewer { role organisation { id name } }
  dwellings(first: 5, filter: { statuses: [VACANT, LET] }) {
    totalCount
    edges {
      node {
        id
        reference
        category
        status
        bedrooms
        usefulArea
        municipality { name }
        compensationConvention { reference signedOn }
      }
    }
  }
}

query LeaseDeadlines {
  leaseDeadlines(withinDays: 90, first: 10) {
    edges { node { date kind amountDue reference { citation } lease { id } } }
  }
}

query StatementDraft($landlordId: ID!) {
  compensationStatementDraft(input: { landlordId: $landlordId, year: 2025 }) {
    total
    lineCount
    subtotalsByComponent { component amount }
  }
}
`;

const DEVELOPER = `# Social developer (promoteur social): your projects and conventions, the art. 13 calculator.
query MyProjects {
  viewer { role organisation { name } }
  projects(first: 5) { totalCount edges { node { id name } } }
  conventions(first: 5) { totalCount edges { node { id reference kind signedOn totalCost } } }
}
`;

const ANALYST = `# Ministry analyst: aggregates across landlords (ministry roles only).
query Dashboard {
  ministryDashboard {
    stock { municipality category status dwellings }
    vacancy { landlord dwellings vacant vacancyRate }
  }
}

query IssuedStatements {
  compensationStatements(first: 10, filter: { year: 2025 }) {
    totalCount
    edges { node { number kind year version total organisation { name } } }
  }
}
`;

export const EXAMPLE_TABS = [
  {
    query: LANDLORD,
    headers: AUTH_HEADERS_PLACEHOLDER,
    variables: JSON.stringify({ landlordId: "<your organisation's id (viewer.organisation.id)>" }, null, 2),
  },
  { query: DEVELOPER, headers: AUTH_HEADERS_PLACEHOLDER },
  { query: ANALYST, headers: AUTH_HEADERS_PLACEHOLDER },
];

/** Shown over the explorer, bottom right (not in the query editor, whose comments are cut off on narrow screens). */
const NOTE = `<aside id="abordable-auth-note" role="note" style="position:fixed;right:12px;bottom:12px;z-index:1000;max-width:min(420px,calc(100vw - 24px));padding:10px 12px;border-radius:6px;background:#fff8e1;color:#222;border:1px solid #e0b400;font:13px/1.4 system-ui,sans-serif;box-shadow:0 2px 6px rgba(0,0,0,.15)">
<strong>API key needed.</strong> Open the <em>Headers</em> tab (bottom of the editor) and replace
<code>&lt;your API key&gt;</code> in <code>{"Authorization": "Bearer &lt;your API key&gt;"}</code> with your key (<code>abk_…</code>).
Without it, only the public calculators answer. Examples: landlord, developer and analyst tabs.
<button type="button" onclick="this.parentElement.remove()" aria-label="Hide this note" style="margin-left:6px">×</button>
</aside>`;

export function renderPlayground(endpoint: string): string {
  const html = renderGraphiQL({
    endpoint,
    title: "abordable — partner API",
    defaultQuery: LANDLORD,
    defaultTabs: EXAMPLE_TABS,
    headers: AUTH_HEADERS_PLACEHOLDER,
    defaultHeaders: AUTH_HEADERS_PLACEHOLDER,
  });
  return html.replace(/<body([^>]*)>/, (body) => `${body}\n${NOTE}`);
}

export function graphiqlLandingPage(endpoint: string): ApolloServerPlugin {
  const html = renderPlayground(endpoint);
  return {
    async serverWillStart() {
      return {
        async renderLandingPage() {
          return { html };
        },
      };
    },
  };
}
