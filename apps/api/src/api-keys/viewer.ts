import { builder } from "../schema/builder.js";
import { RoleEnum } from "../schema/enums.js";
import { organisationOf } from "../identity/viewer.js";

interface ViewerShape {
  role: "MINISTRY_ADMIN" | "MINISTRY_ANALYST" | "SOCIAL_LANDLORD" | "SOCIAL_DEVELOPER" | null;
  organisationId: string | null;
}

const ViewerRef = builder.objectRef<ViewerShape>("Viewer").implement({
  description: "The caller, as identified by its API key.",
  fields: (t) => ({
    role: t.field({ type: RoleEnum, nullable: true, description: "Role of the API key; null for an anonymous caller.", resolve: (v) => v.role }),
    organisation: t.prismaField({
      type: "Organisation",
      nullable: true,
      description: "Organisation the API key belongs to; null for an anonymous caller.",
      resolve: (query, v, _a, ctx) => (v.organisationId ? ctx.prisma.organisation.findUnique({ ...query, where: { id: v.organisationId } }) : null),
    }),
  }),
});

builder.queryField("viewer", (t) =>
  t.field({
    type: ViewerRef,
    description: "Who the API sees calling.",
    resolve: (_r, _a, ctx) => ({
      role: ctx.viewer.kind === "apiKey" ? ctx.viewer.role : null,
      organisationId: ctx.viewer.kind === "apiKey" ? organisationOf(ctx.viewer) : null,
    }),
  }),
);
