/**
 * GraphiQL served from local assets: the page is rendered by @graphql-yoga/render-graphiql, which
 * inlines everything it needs, so the explorer works with no network (Apollo's default landing
 * page loads from a CDN).
 */
import { renderGraphiQL } from "@graphql-yoga/render-graphiql";
import type { ApolloServerPlugin } from "@apollo/server";

const DEFAULT_QUERY = `# abordable partner API. Add an "Authorization: Bearer abk_…" header (Headers tab) to see your data.
query FirstDwellings {
  viewer { role organisation { name } }
  dwellings(first: 5) {
    totalCount
    edges {
      node {
        reference
        category
        bedrooms
        usefulArea
        municipality { name }
        landlord { name }
      }
    }
  }
}
`;

export function graphiqlLandingPage(endpoint: string): ApolloServerPlugin {
  const html = renderGraphiQL({ endpoint, title: "abordable — partner API", defaultQuery: DEFAULT_QUERY });
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
