//! Mesh building, in one place: core triangles to Bevy meshes for the flat map (z = 0) and for
//! the globe (positions on the unit sphere, normals pointing out), and the unlit globe material.

use bevy::asset::RenderAssetUsages;
use bevy::mesh::{Indices, PrimitiveTopology};
use bevy::prelude::*;

use crate::core::tessellate::MeshData;

/// A flat 2D mesh (plane km, z = 0) from core triangles; shared by every 2D layer.
pub fn flat(data: &MeshData) -> Mesh {
    let positions: Vec<[f32; 3]> = data.positions.iter().map(|p| [p[0], p[1], 0.0]).collect();
    Mesh::new(
        PrimitiveTopology::TriangleList,
        RenderAssetUsages::RENDER_WORLD,
    )
    .with_inserted_attribute(Mesh::ATTRIBUTE_POSITION, positions)
    .with_inserted_indices(Indices::U32(data.indices.clone()))
}

/// A mesh on the sphere: normals point away from the Earth's centre.
pub fn sphere(positions: Vec<[f32; 3]>, indices: Vec<u32>) -> Mesh {
    let normals: Vec<[f32; 3]> = positions
        .iter()
        .map(|p| {
            let l = (p[0] * p[0] + p[1] * p[1] + p[2] * p[2]).sqrt().max(1e-6);
            [p[0] / l, p[1] / l, p[2] / l]
        })
        .collect();
    Mesh::new(
        PrimitiveTopology::TriangleList,
        RenderAssetUsages::RENDER_WORLD,
    )
    .with_inserted_attribute(Mesh::ATTRIBUTE_POSITION, positions)
    .with_inserted_attribute(Mesh::ATTRIBUTE_NORMAL, normals)
    .with_inserted_indices(Indices::U32(indices))
}

/// An unlit, two-sided material for the globe (colours as on the flat map).
pub fn globe_material(c: Color) -> StandardMaterial {
    StandardMaterial {
        base_color: c,
        unlit: true,
        cull_mode: None,
        alpha_mode: if c.alpha() < 1.0 {
            AlphaMode::Blend
        } else {
            AlphaMode::Opaque
        },
        ..default()
    }
}
