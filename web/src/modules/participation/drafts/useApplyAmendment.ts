import { api, call } from '../../../api/client.ts';
import { ApiError } from '../../../api/errors.ts';
import { useAction } from '../../../lib/useAction.ts';
import type { Contribution } from '../consultations/types.ts';

/**
 * Puts an amendment's proposed text into the working copy in place of its paragraph, keeping the
 * paragraph's key so its comments stay attached. The chair then reviews and publishes in the editor.
 */
export function useApplyAmendment(draftId: string) {
  return useAction(async (amendment: Contribution) => {
    const path = { id: draftId };
    const workingCopy = await call(
      api.GET('/api/v1/participation/drafts/{id}/working-copy', { params: { path } }),
    );
    if (
      !amendment.proposedText ||
      !workingCopy.blocks.some((block) => block.key === amendment.paragraphKey)
    ) {
      throw new ApiError(409, 'paragraph_not_in_working_copy');
    }
    const proposedText = amendment.proposedText;
    await call(
      api.PUT('/api/v1/participation/drafts/{id}/working-copy', {
        params: { path },
        body: {
          blocks: workingCopy.blocks.map((block) => ({
            key: block.key,
            kind: block.kind,
            text: block.key === amendment.paragraphKey ? proposedText : block.text,
          })),
        },
      }),
    );
    return amendment;
  });
}
